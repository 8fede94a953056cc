/**
 * The diff as one self-contained HTML page (`tsag diff --format html`): its style inline, no
 * script, nothing fetched, so it opens offline and can be mailed. The overview first (a table,
 * one row per part that changed and the total), the metadata differences, then each part
 * (`Question 1/20 (A) – <title>`) and section as written (`A.1 目的`) with its changes in
 * context: a changed text whole, its deletions and insertions marked inline, then side by side
 * (the old text with its deletions, the new one with its insertions).
 *
 * `<del>` and `<ins>` are struck through and underlined as well as coloured, and each starts
 * with visually hidden text ("deleted:", "inserted:") that screen readers say, since most do
 * not announce the elements themselves. The report's own words are English (`lang="en"`);
 * the editions' text carries the edition's language (and direction: Arabic is right to left).
 *
 * Built as a hast tree with hastscript and serialised by rehype-stringify, which escapes every
 * character of the editions' text, as the Markdown report is built with mdast.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { LANGUAGES } from '../model/languages.js';
import { escapeControls } from '../model/printable.js';
import { groupChanges, languageOf, outline, placeOf } from './report.js';
import { kindsText, type Summary, summarize } from './summary.js';
import type { Change, EditionDiff } from './types.js';
import type { WordOp } from './words.js';

const STYLE = `
:root { color-scheme: light; --del: #9b1c1c; --del-bg: #fde8e8; --ins: #035e2b; --ins-bg: #def7ec; }
body { font: 16px/1.6 system-ui, "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem 3rem; color: #1f2937; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #d1d5db; } h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
table.stat { border-collapse: collapse; } .stat th, .stat td { border: 1px solid #d1d5db; padding: .25rem .6rem; text-align: left; vertical-align: top; }
.stat th[scope="row"] { white-space: nowrap; } .stat td.count { text-align: right; } .stat tr.total { font-weight: 600; background: #f3f4f6; }
.change { margin: .75rem 0 1.25rem; } .change > p.where { margin: 0 0 .25rem; font-weight: 600; }
.kind { display: inline-block; min-width: 5.5rem; font-weight: 600; } .added .kind { color: var(--ins); } .removed .kind { color: var(--del); }
.text { margin: .25rem 0; padding: .5rem .75rem; background: #f9fafb; border-inline-start: 3px solid #d1d5db; white-space: pre-wrap; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; } .side .text { margin: 0; } .side p.edition { margin: .25rem 0 0; font-size: .85rem; color: #4b5563; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; } ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
ul.outline { list-style: none; padding-left: 0; } ul.outline li { white-space: pre-wrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 48rem) { .side { grid-template-columns: 1fr; } }
`;

export function renderHtml(diff: EditionDiff): string {
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, page(diff)] };
  return `${unified().use(rehypeStringify).stringify(root)}\n`;
}

function page(diff: EditionDiff): Element {
  const title = `Changes from ${diff.old.fileName} to ${diff.new.fileName}`;
  const summary = summarize(diff);
  return h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', text(title)),
      h('style', STYLE),
    ]),
    h('body', [
      h('header', [h('h1', text(title))]),
      h('main', [
        h('section', { ariaLabelledBy: 'summary' }, [
          h('h2', { id: 'summary' }, 'Summary'),
          summary.total === 0 ? h('p', 'No content changes.') : statTable(summary),
        ]),
        ...(diff.metadata.length === 0 ? [] : [metadata(diff)]),
        ...groupChanges(diff.changes).map((group, index) =>
          h('section', { ariaLabelledBy: `part-${index + 1}` }, [
            h('h2', { id: `part-${index + 1}` }, text(group.title)),
            ...group.sections.flatMap((section) => [
              ...(section.section === undefined ? [] : [h('h3', text(section.section))]),
              ...section.changes.map((change) => changeBlock(diff, change)),
            ]),
          ]),
        ),
      ]),
    ]),
  ]);
}

function statTable(summary: Summary): Element {
  const total = kindsText(summary);
  return h('table', { className: ['stat'] }, [
    h('thead', [h('tr', [h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col' }, 'Changes'), h('th', { scope: 'col' }, 'What changed')])]),
    h('tbody', [
      ...summary.parts.map((part) =>
        h('tr', [h('th', { scope: 'row' }, text(part.name)), h('td', { className: ['count'] }, String(part.changes)), h('td', text(part.text))]),
      ),
      h('tr', { className: ['total'] }, [
        h('th', { scope: 'row' }, 'Total'),
        h('td', { className: ['count'] }, String(summary.total)),
        h('td', total),
      ]),
    ]),
  ]);
}

function metadata(diff: EditionDiff): Element {
  return h('section', { ariaLabelledBy: 'metadata' }, [
    h('h2', { id: 'metadata' }, 'Metadata (not content)'),
    h(
      'ul',
      diff.metadata.map((change) =>
        h('li', [h('code', text(change.field)), `: ${escapeControls(change.old ?? '(none)')} → ${escapeControls(change.new ?? '(none)')}`]),
      ),
    ),
  ]);
}

/** One change: what and where, then its text in context. */
function changeBlock(diff: EditionDiff, change: Change): Element {
  const place = placeOf(change);
  const where = h('p', { className: ['where'] }, [h('span', { className: ['kind'] }, change.kind), ' ', text(place.element)]);
  const on = (side: 'old' | 'new') => edition(side === 'old' ? diff.old.language : diff.new.language);
  const body: Element[] = [];
  if (place.value !== undefined) body.push(h('div', { className: ['text'] }, [mark(change.kind === 'removed' ? 'delete' : 'insert', place.value)]));
  else if (change.kind === 'changed') {
    const words = change.words ?? [];
    body.push(
      h('div', { className: ['text'], ...on('new') }, inline(words, ['equal', 'delete', 'insert'])),
      h('div', { className: ['side'] }, [
        h('div', [
          h('p', { className: ['edition'] }, text(`Old: ${diff.old.fileName}`)),
          h('div', { className: ['text'], ...on('old') }, inline(words, ['equal', 'delete'])),
        ]),
        h('div', [
          h('p', { className: ['edition'] }, text(`New: ${diff.new.fileName}`)),
          h('div', { className: ['text'], ...on('new') }, inline(words, ['equal', 'insert'])),
        ]),
      ]),
    );
  } else if (change.kind === 'renumbered') {
    body.push(h('div', { className: ['text'] }, [mark('delete', change.old ?? ''), ' ', mark('insert', change.new ?? '')]));
  } else if (change.kind === 'moved') {
    body.push(h('p', text(`from ${place.from ?? change.from ?? ''}`)), h('div', { className: ['text'], ...on('new') }, text(change.new ?? '')));
  } else {
    const op = change.kind === 'added' ? 'insert' : 'delete';
    const lines = change.node ? outline(change.node, languageOf(diff, change)) : [{ depth: 0, text: change.new ?? change.old ?? '' }];
    const attributes = on(change.kind === 'added' ? 'new' : 'old');
    body.push(
      h(
        'ul',
        { className: ['outline', 'text'], ...attributes },
        lines.map((line) => h('li', { style: line.depth > 0 ? `padding-inline-start: ${line.depth * 1.5}rem` : undefined }, [mark(op, line.text)])),
      ),
    );
  }
  return h('article', { className: ['change', change.kind] }, [where, ...body]);
}

/** The `lang` (and `dir`) of an edition's text. */
function edition(language: string): Record<string, string> {
  return { lang: language, dir: LANGUAGES[language]?.word.rtl ? 'rtl' : 'ltr' };
}

function inline(words: readonly WordOp[], shown: readonly WordOp['op'][]): (Element | string)[] {
  return words.filter((word) => shown.includes(word.op)).map((word) => (word.op === 'equal' ? text(word.text) : mark(word.op, word.text)));
}

/** `<del>`/`<ins>`, starting with what a screen reader should say. */
function mark(op: 'delete' | 'insert', value: string): Element {
  const said = op === 'delete' ? 'deleted: ' : 'inserted: ';
  return h(op === 'delete' ? 'del' : 'ins', [h('span', { className: ['visually-hidden'] }, said), text(value)]);
}

/**
 * Text from an edition: control characters shown, not written raw. A string, not a text node:
 * hastscript reads a lone object after the tag name as properties, a string always as a child.
 */
function text(value: string): string {
  return escapeControls(value);
}
