/**
 * The diff as a Markdown report: the overview as a table, the metadata differences, then one
 * heading per part (`Question 1/20 (A) – <title>`) and per section as written (`A.1 目的`), with
 * its changes as a list, each named as the document names it (src/diff/labels.ts). Deletions are `<del>…</del>` and
 * insertions `<ins>…</ins>`: GFM's `~~` and `**` are not used because their flanking rules
 * fail next to CJK full-width punctuation (`文**（新**` is not emphasis), so a Chinese text
 * would show stray asterisks. Built as an mdast tree and serialised by remark-stringify, as
 * the Markdown writer does, so every character of the text is escaped by the library.
 */
import type * as Md from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { findUrls } from '../model/work-programme.js';
import { groupChanges, languageOf, outline, placeOf, type OutlineLine } from './report.js';
import { kindsText, type Summary, summarize } from './summary.js';
import { escapeControls } from '../model/printable.js';
import type { Change, EditionDiff } from './types.js';
import type { WordOp } from './words.js';

export function renderMarkdown(diff: EditionDiff): string {
  const markdown = unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', rule: '-' })
    .stringify(toMdast(diff));
  return `${markdown.replace(/\n+$/u, '')}\n`;
}

function toMdast(diff: EditionDiff): Md.Root {
  const summary = summarize(diff);
  const children: Md.RootContent[] = [heading(1, [text(`Changes from ${diff.old.fileName} to ${diff.new.fileName}`)])];
  if (summary.total === 0) children.push(paragraph([text('No content changes.')]));
  else children.push(statTable(summary));
  if (diff.metadata.length > 0) {
    children.push(heading(2, [text('Metadata (not content)')]));
    children.push(list(diff.metadata.map((change) => [code(change.field), text(`: ${change.old ?? '(none)'} → ${change.new ?? '(none)'}`)])));
  }
  for (const group of groupChanges(diff.changes)) {
    children.push(heading(2, [text(group.title)]));
    for (const section of group.sections) {
      if (section.section !== undefined) children.push(heading(3, [text(section.section)]));
      children.push({ type: 'list', ordered: false, spread: false, children: section.changes.map((change) => changeItem(diff, change)) });
    }
  }
  return { type: 'root', children };
}

/** The overview as a table: one row per part that changed, then the total. */
function statTable(summary: Summary): Md.Table {
  const row = (cells: Md.PhrasingContent[][]): Md.TableRow => ({
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: c })),
  });
  const total = kindsText(summary);
  return {
    type: 'table',
    align: ['left', 'right', 'left'],
    children: [
      row([[text('Part')], [text('Changes')], [text('What changed')]]),
      ...summary.parts.map((part) => row([[text(part.name)], [text(String(part.changes))], [text(part.text)]])),
      row([[{ type: 'strong', children: [text('Total')] }], [{ type: 'strong', children: [text(String(summary.total))] }], [text(total)]]),
    ],
  };
}

function changeItem(diff: EditionDiff, change: Change): Md.ListItem {
  const place = placeOf(change);
  const head: Md.PhrasingContent[] = [{ type: 'strong', children: [text(change.kind)] }, text(` ${place.element}`)];
  const item = (phrasing: Md.PhrasingContent[], more: Md.BlockContent[] = []): Md.ListItem => ({
    type: 'listItem',
    spread: false,
    children: [paragraph([...head, ...phrasing]), ...more],
  });
  if (place.value !== undefined) return item([text(': '), ...(change.kind === 'removed' ? del(place.value) : ins(place.value))]);
  switch (change.kind) {
    case 'changed':
      return item([text(': '), ...words(change.words ?? [])]);
    case 'renumbered':
      return item([text(': '), ...del(change.old ?? ''), text(' '), ...ins(change.new ?? '')]);
    case 'moved':
      return item([text(` (from ${place.from ?? change.from ?? ''}): `), ...phrasing(change.new ?? '')]);
    case 'added':
    case 'removed': {
      const mark = change.kind === 'added' ? ins : del;
      if (!change.node) return item([text(': '), ...mark(change.new ?? change.old ?? '')]);
      const lines = outline(change.node, languageOf(diff, change));
      if (lines.length === 1) return item([text(': '), ...mark(lines[0]?.text ?? '')]);
      return item([text(':')], [nestedList(lines, mark)]);
    }
  }
}

/** Lines with depths as lists nested under the line before them. */
function nestedList(lines: readonly OutlineLine[], mark: (value: string) => Md.PhrasingContent[]): Md.List {
  const root: Md.List = { type: 'list', ordered: false, spread: false, children: [] };
  const stack: { depth: number; list: Md.List }[] = [{ depth: 0, list: root }];
  for (const line of lines) {
    while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) > line.depth) stack.pop();
    let top = stack[stack.length - 1] as { depth: number; list: Md.List };
    if (line.depth > top.depth) {
      const parent = top.list.children[top.list.children.length - 1];
      if (parent) {
        const list: Md.List = { type: 'list', ordered: false, spread: false, children: [] };
        parent.children.push(list);
        top = { depth: line.depth, list };
        stack.push(top);
      }
    }
    top.list.children.push({ type: 'listItem', spread: false, children: [paragraph(mark(line.text))] });
  }
  return root;
}

function words(ops: readonly WordOp[]): Md.PhrasingContent[] {
  return ops.flatMap((op) => (op.op === 'equal' ? phrasing(op.text) : op.op === 'insert' ? ins(op.text) : del(op.text)));
}

function ins(value: string): Md.PhrasingContent[] {
  return [{ type: 'html', value: '<ins>' }, ...phrasing(value), { type: 'html', value: '</ins>' }];
}

function del(value: string): Md.PhrasingContent[] {
  return [{ type: 'html', value: '<del>' }, ...phrasing(value), { type: 'html', value: '</del>' }];
}

/** Document text, its URLs as links (as the Markdown writer does) rather than escaped text. */
function phrasing(value: string): Md.PhrasingContent[] {
  const out: Md.PhrasingContent[] = [];
  let at = 0;
  for (const { url, index } of findUrls(value)) {
    if (index > at) out.push(text(value.slice(at, index)));
    out.push({ type: 'link', url, children: [text(url)] });
    at = index + url.length;
  }
  if (at < value.length) out.push(text(value.slice(at)));
  return out;
}

/** Document text; its control characters shown, not written raw (the report is often printed). */
function text(value: string): Md.Text {
  return { type: 'text', value: escapeControls(value) };
}

function code(value: string): Md.InlineCode {
  return { type: 'inlineCode', value: escapeControls(value) };
}

function paragraph(children: Md.PhrasingContent[]): Md.Paragraph {
  return { type: 'paragraph', children };
}

function heading(depth: 1 | 2 | 3, children: Md.PhrasingContent[]): Md.Heading {
  return { type: 'heading', depth, children };
}

function list(items: Md.PhrasingContent[][]): Md.List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(children)] })),
  };
}
