/**
 * Model → one self-contained HTML page per edition, built as a hast tree (hastscript) and
 * serialised by rehype-stringify: this module never writes HTML syntax itself. The page needs
 * no network (one inline style sheet, no script, no image) and reads back with the HTML reader
 * (src/readers/html/) as the same model.
 *
 * Layout:
 * - `<html lang dir>` from the language table (`zh-CN`; `rtl` for Arabic); the page footer and
 *   header images as `<meta name="tsag:footer">`, `<meta name="tsag:images">` (the reader takes
 *   them back), the title from the document reference and the Questions heading;
 * - a table of contents (`nav.toc`, which the reader skips as site navigation) linking every
 *   heading: the two parts, each Question (`#Q1_20`), each section (`#Q1_20-A.1`);
 * - `h1` for the parts (`1 引言`), `h2` per Question (`A 第1/20号课题 – 标题`), its continuation
 *   note, `h3` per section, paragraphs and nested `ul` lists; a relationship group as its label
 *   (`p.label`) and a list of its items, where each Recommendation links to its ITU-T page, each
 *   SDG to its UN page and each Question of the edition to its heading;
 * - Table 1 with its caption and header row, each row's new number linked to its Question;
 * - URLs (the work programme's) as links; the footnotes as DPUB-ARIA notes (`doc-noteref`, a
 *   `doc-endnotes` section with back links), as pandoc writes them.
 * Texts whose white space a browser would collapse (tabs, line breaks, runs of spaces, a leading
 * space) keep it with `white-space: pre-wrap` on their element, which the reader honours.
 * Deterministic: nothing depends on the clock or the machine.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import {
  hasFrontPart,
  QUESTION_TABLE_FIELDS,
  type Block,
  type Footnote,
  type FrontBlock,
  type Inline,
  type List,
  type NumberedHeading,
  type Question,
  type QuestionTable,
  type QuestionsDocument,
  type RelationshipGroup,
  type Section,
} from '../../model/document.js';
import { HTML_META, HTML_TEXT_CLASS } from '../../model/html-meta.js';
import { languageTable, type LanguageTable } from '../../model/languages.js';
import { assertNever } from '../../model/never.js';
import { listRows } from '../list-rows.js';
import { linkedText, valueSpans } from './links.js';
import { styleSheet } from './style.js';

const processor = unified()
  .use(rehypeStringify, { characterReferences: { useNamedReferences: false } })
  .freeze();

export function writeHtml(doc: QuestionsDocument): string {
  return `${processor.stringify(toHast(doc))}\n`;
}

interface Context {
  table: LanguageTable;
  /** The anchor of each Question of the edition, by number. */
  questionAnchors: Map<string, string>;
  /** How many references to each footnote are written so far: the second is `fnref1-2`. */
  noteReferences: Map<string, number>;
}

interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

export function toHast(doc: QuestionsDocument): Root {
  const table = languageTable(doc.metadata.language);
  const ids = new UniqueIds();
  const questionIds = doc.questions.map((question, index) =>
    ids.take(`Q${question.number === '' ? String(index + 1) : question.number.replace(/\//gu, '_')}`),
  );
  const questionAnchors = new Map<string, string>();
  doc.questions.forEach((question, index) => {
    if (question.number !== '' && !questionAnchors.has(question.number)) questionAnchors.set(question.number, questionIds[index] as string);
  });
  const context: Context = { table, questionAnchors, noteReferences: new Map() };
  const toc: TocEntry[] = [];
  const main: ElementContent[] = [];
  if (hasFrontPart(doc)) {
    const intro = numberedHeading(doc.frontMatter.heading, ids.take('introduction'), toc);
    main.push(intro, ...doc.frontMatter.blocks.map((b) => block(b, context)));
    main.push(numberedHeading(doc.questionsHeading, ids.take('questions'), toc));
  }
  const questionToc = toc.at(-1)?.children ?? toc;
  doc.questions.forEach((question, index) => {
    main.push(...questionNodes(question, questionIds[index] as string, context, ids, questionToc));
  });
  const body: ElementContent[] = [];
  if (toc.length > 0) body.push(h('nav', { className: ['toc'] }, lines([tocList(toc)])));
  body.push(h('main', lines(main)));
  if (doc.footnotes.length > 0) body.push(footnotes(doc.footnotes));
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: table.word.language, dir: table.word.rtl ? 'rtl' : 'ltr' }, [head(doc, table), h('body', lines(body))]),
    ],
  };
}

function head(doc: QuestionsDocument, table: LanguageTable): Element {
  const { metadata } = doc;
  const title = [metadata.documentReference, doc.questionsHeading.title].filter((part) => part !== undefined && part !== '').join(' – ');
  const first = doc.questions[0];
  const fallback = first ? table.formatQuestionHeading(first.number, first.title) : '';
  const children: ElementContent[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'generator', content: 'tsag' }),
  ];
  if (metadata.footer) children.push(h('meta', { name: HTML_META.footer, content: [metadata.footer.path, ...metadata.footer.dates].join('\t') }));
  if (metadata.images.length > 0) children.push(h('meta', { name: HTML_META.images, content: metadata.images.join('\t') }));
  children.push(h('title', title === '' ? fallback : title), h('style', styleSheet(table)));
  return h('head', lines(children));
}

/** Ids unique in the page: a second `Q1_20` is `Q1_20-2`. */
class UniqueIds {
  private readonly taken = new Set<string>();
  take(wanted: string): string {
    let id = wanted.replace(/\s+/gu, '_');
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
}

function joinNumber(number: string, title: string): string {
  return [number, title].filter((part) => part !== '').join(' ');
}

function numberedHeading(heading: NumberedHeading, id: string, toc: TocEntry[]): Element {
  const text = joinNumber(heading.number, heading.title);
  toc.push({ id, text, children: [] });
  return textElement('h1', text, { id });
}

function questionNodes(question: Question, id: string, context: Context, ids: UniqueIds, toc: TocEntry[]): ElementContent[] {
  const { table } = context;
  const text = joinNumber(question.letter, table.formatQuestionHeading(question.number, question.title));
  const entry: TocEntry = { id, text, children: [] };
  toc.push(entry);
  const nodes: ElementContent[] = [textElement('h2', text, { id })];
  if (question.continuation !== undefined) {
    nodes.push(textElement('p', table.formatContinuationNote(question.continuation), { className: ['continuation', HTML_TEXT_CLASS] }));
  }
  question.sections.forEach((section, index) => {
    nodes.push(
      ...sectionNodes(section, `${id}-${section.number === '' ? String(index + 1) : section.number}`, question.letter === '', context, ids, entry),
    );
  });
  return nodes;
}

function sectionNodes(section: Section, wanted: string, headless: boolean, context: Context, ids: UniqueIds, parent: TocEntry): ElementContent[] {
  const text = joinNumber(section.number, section.heading);
  const blocks = section.blocks.map((b) => block(b, context));
  // A web page's section that had no heading gets none, as in the Markdown writer: its lead-in starts it again.
  if (text === '' && headless) return blocks;
  const id = ids.take(wanted);
  if (text !== '') parent.children.push({ id, text, children: [] });
  return [textElement('h3', text, { id }), ...blocks];
}

/** Any block of the front matter or of a section. */
function block(block: Block | FrontBlock, context: Context): Element {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.content, context);
    case 'list':
      return list(block, context);
    case 'relationshipGroup':
      return relationshipGroup(block, context);
    case 'questionTable':
      return questionTable(block, context);
    default:
      return assertNever(block);
  }
}

/** The label and its items in one `div`, so that the page keeps them together. */
function relationshipGroup(group: RelationshipGroup, context: Context): Element {
  const anchorOf = (number: string) => context.questionAnchors.get(number);
  const label = textElement('p', group.label + context.table.labelColon, { className: ['label', HTML_TEXT_CLASS] });
  if (group.items.length === 0) return h('div', { className: ['relationship'] }, [label]);
  const items = group.items.map((item) => h('li', preserved(item), linkedText(item, valueSpans(item, group.values, anchorOf))));
  return h('div', { className: ['relationship'] }, lines([label, h('ul', lines(items))]));
}

function questionTable(block: QuestionTable, context: Context): Element {
  const width = Math.max(block.columns.length, QUESTION_TABLE_FIELDS.length);
  const cells = (tag: 'th' | 'td', texts: readonly string[], link?: string) =>
    Array.from({ length: width }, (_, index) => {
      const text = texts[index] ?? '';
      const anchor = index === 0 && link !== undefined ? context.questionAnchors.get(link) : undefined;
      return h(tag, preserved(text), anchor === undefined ? linkedText(text) : [h('a', { href: `#${anchor}` }, text)]);
    });
  const rows = block.rows.map((row) =>
    h(
      'tr',
      cells(
        'td',
        QUESTION_TABLE_FIELDS.map((field) => row[field]),
        row.newNumber,
      ),
    ),
  );
  const children: ElementContent[] = [];
  if (block.caption !== '') children.push(textElement('caption', block.caption));
  children.push(h('thead', [h('tr', cells('th', block.columns))]), h('tbody', lines(rows)));
  return h('table', { className: ['questions'] }, lines(children));
}

/** Nested `ul`s from the list's rows, without recursion (lists nest as deep as the input says). */
function list(block: Pick<List, 'items'>, context: Context): Element {
  const root = h('ul');
  const open: Element[] = [root];
  for (const { item, depth } of listRows(block.items)) {
    open.length = Math.min(open.length, depth + 1);
    while (open.length <= depth) {
      const parent = open[open.length - 1]?.children.filter((c): c is Element => c.type === 'element').at(-1);
      if (parent === undefined) throw new Error('a list item deeper than its parent');
      const nested = h('ul');
      parent.children.push(nested);
      open.push(nested);
    }
    open[depth]?.children.push(h('li', preserved(textOf(item.content)), inlines(item.content, context)));
  }
  return root;
}

function paragraph(content: readonly Inline[], context: Context): Element {
  return h('p', { className: [HTML_TEXT_CLASS], ...preserved(textOf(content)) }, inlines(content, context));
}

function inlines(content: readonly Inline[], context: Context): ElementContent[] {
  return content.flatMap((node): ElementContent[] => {
    switch (node.type) {
      case 'text':
        return linkedText(node.value);
      case 'footnoteReference': {
        const count = (context.noteReferences.get(node.id) ?? 0) + 1;
        context.noteReferences.set(node.id, count);
        // The note's back link goes to the first reference.
        const id = count === 1 ? `fnref${node.id}` : `fnref${node.id}-${count}`;
        return [h('sup', [h('a', { href: `#fn${node.id}`, id, role: 'doc-noteref' }, node.id)])];
      }
      default:
        return assertNever(node);
    }
  });
}

function footnotes(notes: readonly Footnote[]): Element {
  const items = notes.map((note) =>
    h('li', { id: `fn${note.id}`, value: Number(note.id) || undefined }, [
      h('p', preserved(note.text), [
        ...linkedText(note.text),
        { type: 'text', value: ' ' },
        h('a', { href: `#fnref${note.id}`, role: 'doc-backlink' }, '↩'),
      ]),
    ]),
  );
  return h('section', { className: ['footnotes'], role: 'doc-endnotes' }, lines([h('hr'), h('ol', lines(items))]));
}

function tocList(entries: readonly TocEntry[]): Element {
  // Recursive, but never deeper than the headings: three levels.
  const item = (entry: TocEntry): Element => {
    const link = h('a', { href: `#${entry.id}` }, entry.text);
    return h('li', entry.children.length === 0 ? [link] : [link, h('ol', lines(entry.children.map(item)))]);
  };
  return h('ol', lines(entries.map(item)));
}

function textElement(tag: string, text: string, properties: Record<string, string | string[]> = {}): Element {
  return h(tag, { ...properties, ...preserved(text) }, linkedText(text));
}

/**
 * `white-space: pre-wrap` where the browser (and so the reader) would otherwise change the
 * text: a tab, a line break, two spaces, a space at the start, LibreOffice's tab (`&#160; ` twice or more).
 */
function preserved(text: string): { style?: string } {
  return /[\t\n\r\f]| {2}|^ |\u00a0 \u00a0 /u.test(text) ? { style: 'white-space:pre-wrap' } : {};
}

function textOf(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === 'text' ? inline.value : '')).join('');
}

/** Children one a line, for a readable source; never inside an element that holds text. */
function lines(children: readonly ElementContent[]): ElementContent[] {
  const newline = (): ElementContent => ({ type: 'text', value: '\n' });
  return [...children.flatMap((child) => [newline(), child]), newline()];
}
