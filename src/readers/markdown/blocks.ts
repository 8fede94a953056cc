/**
 * The blocks of the Markdown reader (./index.ts): mdast blocks and phrasing content → the
 * model's blocks and inline content, with a warning for what the model cannot keep.
 */
import type * as Md from 'mdast';
import {
  MAX_LIST_LEVEL,
  QUESTION_TABLE_FIELDS,
  type Block,
  type Footnote,
  type FrontBlock,
  type Inline,
  type List,
  type ListItem,
  type Paragraph,
  type QuestionTable,
  type QuestionTableRow,
  type RelationshipGroup,
  type SectionRole,
} from '../../model/document.js';
import { normalizeInlines, plainText } from '../../model/inline.js';
import { relationshipRole, type LanguageTable } from '../../model/languages.js';
import { readRelationshipValues } from '../../model/relationship-values.js';
import { warning, type Place, type Warning } from '../../model/result.js';
import { append } from '../../model/arrays.js';
import { listsFromMarkedParagraphs } from './marked-lists.js';
import { joinSoftBreaks, type SoftBreaks } from '../text/soft-breaks.js';

/** What reading a block needs: the language, the file and section for warnings, and where warnings go. */
export interface MarkdownContext extends InlineContext {
  table: LanguageTable;
}

/** What reading inline content needs: no language. */
export interface InlineContext {
  file: string;
  warnings: Warning[];
  /** The section or Question being read, for the place of a warning. */
  section?: string;
  /** How soft line breaks read (../text/soft-breaks.ts); 'cjk' if unset. */
  softBreaks?: SoftBreaks;
}

/** Plain text of phrasing content, as mdast-util-to-string gives it (footnote references left out). */
export function flatText(nodes: readonly Md.PhrasingContent[]): string {
  let out = '';
  for (const inline of phrasingInlines(
    nodes,
    () => undefined,
    (value) => joinSoftBreaks(value),
  ))
    if (inline.type === 'text') out += inline.value;
  return out;
}

/**
 * Phrasing content → inline content: text as mdast-util-to-string gives it, footnote
 * references kept. `dropped` is told of each node whose formatting is lost; `text` reads the
 * soft line breaks of a text node (joined where the model's texts have no line breaks).
 */
function phrasingInlines(nodes: readonly Md.PhrasingContent[], dropped: (node: Md.Node) => void, text: (value: string) => string): Inline[] {
  const out: Inline[] = [];
  const visit = (node: Md.PhrasingContent): void => {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: text(node.value) });
        return;
      case 'footnoteReference':
        out.push({ type: 'footnoteReference', id: node.label ?? node.identifier });
        return;
      case 'break':
        out.push({ type: 'text', value: '\n' });
        return;
      case 'link':
        if (!isAutolink(node)) dropped(node);
        node.children.forEach(visit);
        return;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        dropped(node);
        node.children.forEach(visit);
        return;
      case 'inlineCode':
        dropped(node);
        out.push({ type: 'text', value: node.value });
        return;
      case 'html':
        // A tag (`<span dir="rtl">`, `</span>`: pandoc's GFM of a right-to-left text) or a comment is
        // markup, not text; what it wraps is text of its own. tsag's writer escapes a `<` of the text.
        dropped(node);
        return;
      case 'image':
      case 'imageReference':
        dropped(node);
        out.push({ type: 'text', value: node.alt ?? '' });
        return;
      default:
        dropped(node);
    }
  };
  nodes.forEach(visit);
  return normalizeInlines(out);
}

/** A link whose text is its URL (`<https://…>`, or a bare URL found by GFM): nothing is lost. */
function isAutolink(link: Md.Link): boolean {
  const text = flatText(link.children);
  return link.url === text || link.url === `mailto:${text}` || link.url === `http://${text}`;
}

export function frontBlocks(written: readonly Md.RootContent[], ctx: MarkdownContext): FrontBlock[] {
  const nodes = listsFromMarkedParagraphs(written, ctx.table);
  const blocks: FrontBlock[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const next = nodes[index + 1];
    if (node.type === 'paragraph' && next?.type === 'table' && isCaption(node, ctx.table)) {
      blocks.push(questionTable(next, flatText(node.children), ctx));
      index++;
    } else if (node.type === 'table') blocks.push(questionTable(node, '', ctx));
    else if (node.type === 'paragraph') blocks.push(paragraph(node, ctx));
    else if (node.type === 'list') blocks.push(list(node, ctx));
    else unexpected([node], ctx, 'not part of a Questions text');
  }
  return blocks;
}

/** Ours is a paragraph of strong text only; hand-written, a paragraph that reads as a caption. */
function isCaption(node: Md.Paragraph, table: LanguageTable): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'strong' || table.tableCaption.test(flatText(node.children));
}

function questionTable(node: Md.Table, caption: string, ctx: MarkdownContext): QuestionTable {
  const [header, ...records] = node.children.map((row) => row.children.map((cell) => cellText(cell, ctx)));
  const columns = header ?? [];
  // The writer pads the heading row to the five record fields; empty trailing headings are padding.
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  const rows = records.map((cells): QuestionTableRow => {
    if (cells.slice(QUESTION_TABLE_FIELDS.length).some((cell) => cell !== '')) {
      unexpected([node], ctx, `a row of Table 1 has more than ${QUESTION_TABLE_FIELDS.length} cells; the extra cells are dropped`);
    }
    const [newNumber = '', currentTitle = '', status = '', previousNumber = '', previousTitle = ''] = cells;
    return { newNumber, currentTitle, status, previousNumber, previousTitle };
  });
  return { type: 'questionTable', caption, columns, rows };
}

function cellText(cell: Md.TableCell, ctx: MarkdownContext): string {
  return plainOf(inlines(cell.children, ctx), cell, ctx);
}

export function sectionBlocks(written: readonly Md.RootContent[], role: SectionRole, ctx: MarkdownContext): Block[] {
  const nodes = listsFromMarkedParagraphs(written, ctx.table);
  const blocks: Block[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const next = nodes[index + 1];
    const label = role === 'relationships' && node.type === 'paragraph' ? relationshipLabel(node, ctx.table) : undefined;
    if (label !== undefined) {
      const items: string[] = [];
      if (next?.type === 'list') {
        if (next.ordered) dropped(next, ctx);
        append(
          items,
          next.children.map((item) => relationshipItem(item, ctx)),
        );
        index++;
      }
      blocks.push(relationshipGroup(label, items, node, ctx));
    } else if (node.type === 'paragraph') blocks.push(paragraph(node, ctx));
    else if (node.type === 'list') blocks.push(list(node, ctx));
    else unexpected([node], ctx, 'not part of a Questions text');
  }
  return blocks;
}

/**
 * In a relationships section, a paragraph ending in the label colon is a group's label
 * (`WSIS行动方面：` → `WSIS行动方面`), as the other readers take it; the list after it holds the items.
 */
function relationshipLabel(node: Md.Paragraph, table: LanguageTable): string | undefined {
  if (node.children.some((child) => child.type === 'footnoteReference')) return undefined;
  const text = flatText(node.children).trim();
  const colon = [table.labelColon, ...table.labelColonVariants].find((c) => c !== '' && text.endsWith(c));
  const label = colon === undefined ? '' : text.slice(0, -colon.length).trim();
  return label === '' ? undefined : label;
}

function relationshipGroup(label: string, items: string[], node: Md.Node, ctx: MarkdownContext): RelationshipGroup {
  const table = ctx.table;
  const role = relationshipRole(table, label) ?? 'other';
  const { values, rejected } = readRelationshipValues(role, items, table);
  for (const value of rejected) {
    ctx.warnings.push(warning('relationships.valueOutOfRange', place(node, ctx), `not a ${role} value: ${value}`));
  }
  return { type: 'relationshipGroup', label, role, items, ...(values !== undefined && { values }) };
}

function relationshipItem(item: Md.ListItem, ctx: MarkdownContext): string {
  const read: ListItem[] = [];
  addItem(item, ctx, 1, read);
  const [{ content }, ...rest] = read as [ListItem, ...ListItem[]];
  if (read.some((one) => one.children.length > 0) || rest.length > 0) {
    unexpected([item], ctx, 'a relationship item has sub-items; they are dropped');
  }
  return plainOf(content, item, ctx);
}

function paragraph(node: Md.Paragraph, ctx: MarkdownContext): Paragraph {
  return { type: 'paragraph', content: inlines(node.children, ctx) };
}

function list(node: Md.List, ctx: MarkdownContext): List {
  if (node.ordered) dropped(node, ctx);
  const items: ListItem[] = [];
  for (const item of node.children) addItem(item, ctx, 1, items);
  return { type: 'list', items };
}

/**
 * The item's first paragraph is its content; a list inside it holds the items one level down.
 * Below `MAX_LIST_LEVEL`, the deepest the other readers make, items stay at that level (beside
 * their parent, with a warning): the model's depth is bounded whatever the input nests.
 */
function addItem(node: Md.ListItem, ctx: MarkdownContext, level: number, into: ListItem[]): void {
  const item: ListItem = { content: [], children: [] };
  into.push(item);
  node.children.forEach((child, index) => {
    if (child.type === 'paragraph' && index === 0) item.content = inlines(child.children, ctx);
    else if (child.type === 'list') {
      if (child.ordered) dropped(child, ctx);
      const deepest = level >= MAX_LIST_LEVEL;
      if (deepest) unexpected([child], ctx, `lists nest at most ${MAX_LIST_LEVEL} levels; its items are kept at level ${level}`);
      for (const sub of child.children) addItem(sub, ctx, deepest ? level : level + 1, deepest ? into : item.children);
    } else unexpected([child], ctx, 'a list item holds only one paragraph and its sub-items');
  });
}

export function readFootnote(node: Md.FootnoteDefinition, ctx: InlineContext): Footnote {
  const paragraphs: string[] = [];
  for (const child of node.children) {
    // A footnote keeps its line breaks: a note of several DOCX paragraphs is one text with `\n`.
    if (child.type === 'paragraph') paragraphs.push(plainOf(inlines(child.children, ctx, keepBreaks), child, ctx));
    else unexpected([child], ctx, 'a footnote holds text only');
  }
  return { id: node.label ?? node.identifier, text: paragraphs.join('\n\n') };
}

export function inlines(nodes: readonly Md.PhrasingContent[], ctx: InlineContext, text?: (value: string) => string): Inline[] {
  const breaks = ctx.softBreaks ?? 'cjk';
  return phrasingInlines(nodes, (node) => dropped(node, ctx), text ?? ((value) => joinSoftBreaks(value, breaks)));
}

const keepBreaks = (value: string): string => value;

/** The text of inline content where the model holds a plain string (footnote references dropped). */
function plainOf(content: readonly Inline[], node: Md.Node, ctx: InlineContext): string {
  if (content.some((inline) => inline.type === 'footnoteReference')) {
    unexpected([node], ctx, 'a footnote reference where the model holds plain text; the reference is dropped');
  }
  return plainText(content);
}

function dropped(node: Md.Node, ctx: InlineContext): void {
  ctx.warnings.push(warning('markdown.formattingDropped', place(node, ctx), `${node.type}: its formatting is dropped, its text kept`));
}

export function unexpected(nodes: readonly Md.Node[], ctx: InlineContext, why: string): void {
  for (const node of nodes) {
    ctx.warnings.push(warning('markdown.unexpected', place(node, ctx), `${node.type} ignored: ${why}`));
  }
}

function place(node: Md.Node, ctx: InlineContext): Place {
  const line = node.position?.start.line;
  return { file: ctx.file, ...(line !== undefined && { line }), ...(ctx.section !== undefined && { section: ctx.section }) };
}
