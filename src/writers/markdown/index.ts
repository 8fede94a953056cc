/**
 * Model → Markdown (GFM), as an mdast tree serialised by remark-stringify: this module never
 * writes Markdown syntax itself, so every character of the text is escaped by the one library
 * that knows Markdown, and `src/readers/markdown/index.ts` reads the output back into the same model.
 *
 * Layout:
 *
 * - YAML front matter: the metadata, one `key: <JSON>` line per field (JSON is valid YAML, and
 *   a line reads back with `JSON.parse`);
 * - `# 1 引言`, its paragraphs and lists; Table 1 as a paragraph holding only the caption in
 *   strong emphasis, directly followed by a GFM table (column headings, then one row per record);
 * - `# 2 课题的措辞`, then per Question `## A 第1/20号课题 – 标题`, its continuation note
 *   (`（…）`) as a paragraph, and per section `### A.1 目的` with paragraphs and bullet lists
 *   (level-2 items nested in level-1 items; lists nest at most MAX_LIST_DEPTH deep);
 * - a relationship group as a paragraph `WSIS行动方面：` followed by a bullet list of its items;
 * - footnote references as GFM `[^1]`, the footnotes as definitions at the end.
 *
 * URLs in the text are written as autolinks (`<https://…>`) rather than as escaped text
 * (`https\://…`): the reader takes a link's text, which is the URL as written.
 *
 * Not representable, so not given back by the reader: an empty paragraph (Markdown has none),
 * leading whitespace of headings and table cells, lists deeper than MAX_LIST_DEPTH. The text is
 * written as the model has it: `render` (../index.ts) first drops the characters no output holds
 * (../characters.ts).
 */
import type * as Md from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified, type Processor } from 'unified';
import {
  hasFrontPart,
  QUESTION_TABLE_FIELDS,
  type Block,
  type Footnote,
  type FrontBlock,
  type Inline,
  type List,
  type ListItem,
  type Metadata,
  type NumberedHeading,
  type Question,
  type QuestionTable,
  type QuestionsDocument,
  type RelationshipGroup,
  type Section,
  type SourceInfo,
} from '../../model/document.js';
import { languageTable, type LanguageTable } from '../../model/languages.js';
import { findUrls } from '../../model/work-programme.js';
import { listRows } from '../list-rows.js';
import { textWithItsPatterns } from './escapes.js';
import { append } from '../../model/arrays.js';
import { assertNever } from '../../model/never.js';

/** Fixed serialisation options: the output is part of the contract (goldens compare bytes). */
export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: '-',
  bulletOther: '*',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  setext: false,
  // `[^1]:` at the start of a line is a footnote definition: a colon right after a footnote
  // reference (or any `]`) in text is escaped, so that a paragraph may start with a reference
  // and a colon. Not in an autolink, which cannot hold a backslash escape.
  unsafe: [
    {
      character: ':',
      before: '\\]',
      inConstruct: 'phrasing',
      notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'],
    },
  ],
};

/** Columns are not padded to equal width: CJK cells make padded tables no easier to read. */
export const GFM_OPTIONS = { tablePipeAlign: false } as const;

/**
 * GFM (tables, footnotes, and the escapes of its other syntax) and YAML front matter for
 * remark-stringify: what `remark-gfm` and `remark-frontmatter` register for writing, without
 * their parsers, which a build never needs (loading them cost about 80 ms of start-up).
 */
function markdownSyntax(this: Processor): void {
  const data = this.data();
  data.toMarkdownExtensions ??= [];
  data.toMarkdownExtensions.push(gfmToMarkdown(GFM_OPTIONS), frontmatterToMarkdown(['yaml']));
}

/** Made once: a frozen processor holds no state between documents. */
const processor = unified()
  .use(markdownSyntax)
  .use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { text: textWithItsPatterns } })
  .freeze();

export function writeMarkdown(doc: QuestionsDocument): string {
  const markdown = processor.stringify(toMdast(doc));
  return `${markdown.replace(/\n+$/u, '')}\n`;
}

export function toMdast(doc: QuestionsDocument): Md.Root {
  const table = languageTable(doc.metadata.language);
  const children: Md.RootContent[] = [
    { type: 'yaml', value: frontMatterYaml(doc.metadata) },
    ...partNodes(doc),
    ...doc.questions.flatMap((question) => questionNodes(question, table)),
    ...doc.footnotes.map(footnoteDefinition),
  ];
  return { type: 'root', children };
}

/** The metadata as `key: <JSON>` lines, in the model's key order; absent fields are left out. */
function frontMatterYaml(metadata: Metadata): string {
  const fields: [string, unknown][] = [
    ['language', metadata.language],
    ['source', sourceFields(metadata.source)],
    ['documentReference', metadata.documentReference],
    ['footer', metadata.footer && { path: metadata.footer.path, dates: metadata.footer.dates }],
    ['images', metadata.images],
  ];
  return fields
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
}

/** A copy with a fixed key order, whatever order the reader built the object in. */
function sourceFields(source: SourceInfo): SourceInfo {
  const { fileName, format, sha256, encoding, lineEndings } = source;
  return {
    fileName,
    format,
    sha256,
    ...(encoding !== undefined && { encoding }),
    ...(lineEndings !== undefined && { lineEndings }),
  };
}

/**
 * `# 1 引言`, its blocks, `# 2 课题的措辞`; nothing at all where the model has neither headings
 * nor blocks there (a Question read from a web page): two empty `#` would read as nothing too.
 */
function partNodes(doc: QuestionsDocument): Md.RootContent[] {
  if (!hasFrontPart(doc)) return [];
  const { frontMatter, questionsHeading } = doc;
  return [numberedHeading(frontMatter.heading), ...frontMatter.blocks.flatMap(frontBlock), numberedHeading(questionsHeading)];
}

function numberedHeading(heading: NumberedHeading): Md.Heading {
  return headingNode(joinNumber(heading.number, heading.title), 1);
}

function headingNode(text: string, depth: 1 | 2 | 3): Md.Heading {
  return { type: 'heading', depth, children: phrasing(text) };
}

/** `number title`; the number alone when there is no title, the title alone when no number. */
function joinNumber(number: string, title: string): string {
  return [number, title].filter((part) => part !== '').join(' ');
}

function frontBlock(block: FrontBlock): Md.RootContent[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraph(block.content)];
    case 'list':
      return [list(block)];
    case 'questionTable':
      return questionTable(block);
    default:
      return assertNever(block);
  }
}

/** The caption is a paragraph of strong text only, which no other block of ours can be. */
function questionTable(block: QuestionTable): Md.RootContent[] {
  const width = Math.max(block.columns.length, QUESTION_TABLE_FIELDS.length);
  const row = (cells: readonly string[]): Md.TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, index) => ({ type: 'tableCell', children: phrasing(cells[index] ?? '') })),
  });
  const table: Md.Table = {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: [row(block.columns), ...block.rows.map((record) => row(QUESTION_TABLE_FIELDS.map((field) => record[field])))],
  };
  if (block.caption === '') return [table];
  const caption: Md.Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: phrasing(block.caption) }] };
  return [caption, table];
}

/**
 * `## A 第1/20号课题 – 标题`. A Question with no letter (read from a web page) is written as the
 * page has it, `## Question 12/12 – Title` (or only the title, where the number is empty), and
 * its sections without a heading have none: the reader then reads it as it reads the page, its
 * lead-ins starting the sections (src/readers/markdown/lines.ts).
 */
function questionNodes(question: Question, table: LanguageTable): Md.RootContent[] {
  const heading = joinNumber(question.letter, table.formatQuestionHeading(question.number, question.title));
  const nodes: Md.RootContent[] = [headingNode(heading, 2)];
  if (question.continuation !== undefined) {
    nodes.push({ type: 'paragraph', children: phrasing(table.formatContinuationNote(question.continuation)) });
  }
  for (const section of question.sections) append(nodes, sectionNodes(section, table, question.letter === ''));
  return nodes;
}

function sectionNodes(section: Section, table: LanguageTable, headless: boolean): Md.RootContent[] {
  const heading = joinNumber(section.number, section.heading);
  const blocks = section.blocks.flatMap((b) => block(b, table));
  return heading === '' && headless ? blocks : [headingNode(heading, 3), ...blocks];
}

function block(block: Block, table: LanguageTable): Md.RootContent[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraph(block.content)];
    case 'list':
      return [list(block)];
    case 'relationshipGroup':
      return relationshipGroup(block, table);
    default:
      return assertNever(block);
  }
}

function relationshipGroup(group: RelationshipGroup, table: LanguageTable): Md.RootContent[] {
  const label: Md.Paragraph = { type: 'paragraph', children: phrasing(group.label + table.labelColon) };
  if (group.items.length === 0) return [label];
  const items = group.items.map((item): ListItem => ({ content: [{ type: 'text', value: item }], children: [] }));
  return [label, list({ items })];
}

/**
 * Lists nest at most this deep: an item deeper down is written as an item of the deepest
 * level, after the items before it. Each level indents every line of its items by two more
 * spaces, so a list nested thousands deep would give an output quadratic in its depth, and
 * remark-stringify recurses once per level. ITU texts use two levels (the DOCX writer has
 * three list styles, the text writer two markers); eight keeps any real list as it is.
 */
export const MAX_LIST_DEPTH = 8;

/** The mdast list of `items`, built from their rows without recursion: `open[d]` is the list being filled at depth d. */
function list(block: Pick<List, 'items'>): Md.List {
  const root = bulletList();
  const open: Md.List[] = [root];
  for (const { item, depth } of listRows(block.items)) {
    const level = Math.min(depth, MAX_LIST_DEPTH - 1);
    open.length = Math.min(open.length, level + 1);
    // A row is at most one level deeper than the row before it, its parent: the list opens in that item.
    while (open.length <= level) {
      const parent = open[open.length - 1]!.children.at(-1);
      if (parent === undefined) throw new Error('a list item deeper than its parent');
      const nested = bulletList();
      parent.children.push(nested);
      open.push(nested);
    }
    open[level]!.children.push(listItem(item));
  }
  return root;
}

function bulletList(): Md.List {
  return { type: 'list', ordered: false, spread: false, children: [] };
}

/** An item with its text; its children's list is added by `list`. */
function listItem(item: ListItem): Md.ListItem {
  return { type: 'listItem', spread: false, children: item.content.length > 0 ? [paragraph(item.content)] : [] };
}

function paragraph(content: readonly Inline[]): Md.Paragraph {
  return { type: 'paragraph', children: content.flatMap(inline) };
}

function inline(node: Inline): Md.PhrasingContent[] {
  switch (node.type) {
    case 'text':
      return phrasing(node.value);
    case 'footnoteReference':
      return [{ type: 'footnoteReference', identifier: node.id.toLowerCase(), label: node.id }];
    default:
      return assertNever(node);
  }
}

/** Plain text as phrasing content, its URLs as autolinks. */
function phrasing(text: string): Md.PhrasingContent[] {
  const out: Md.PhrasingContent[] = [];
  let at = 0;
  for (const { url, index } of findUrls(text)) {
    if (index > at) out.push({ type: 'text', value: text.slice(at, index) });
    out.push({ type: 'link', url, children: [{ type: 'text', value: url }] });
    at = index + url.length;
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

function footnoteDefinition(footnote: Footnote): Md.FootnoteDefinition {
  return {
    type: 'footnoteDefinition',
    identifier: footnote.id.toLowerCase(),
    label: footnote.id,
    children: footnote.text === '' ? [] : [{ type: 'paragraph', children: phrasing(footnote.text) }],
  };
}
