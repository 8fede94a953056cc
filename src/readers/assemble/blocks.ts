import type { WarningCode } from '../../model/codes.js';
import {
  MAX_LIST_LEVEL,
  QUESTION_TABLE_FIELDS,
  type Block,
  type FrontBlock,
  type List,
  type ListItem,
  type Paragraph,
  type QuestionTable,
  type QuestionTableRow,
  type RelationshipGroup,
} from '../../model/document.js';
import { plainText } from '../../model/inline.js';
import { relationshipRole, type LanguageTable } from '../../model/languages.js';
import { readRelationshipValues } from '../../model/relationship-values.js';
import { warning, type Place, type Warning } from '../../model/result.js';
import type { Token } from './classify.js';

/**
 * Blocks from classified lines: paragraphs, nested lists, the table of Questions and the
 * groups of a relationships section. Lines of a kind a place cannot hold (a table in a
 * section, a heading out of place) become paragraphs with a warning: nothing is dropped.
 */

export interface AssemblyContext {
  file: string;
  table: LanguageTable;
  /** Section or Question number, for warnings. */
  section?: string;
}

export interface BlocksRead<B> {
  blocks: B[];
  warnings: Warning[];
}

export function placeOf(token: Token, context: AssemblyContext): Place {
  return { ...token.line.where, file: context.file, ...(context.section ? { section: context.section } : {}) };
}

/** A warning placed at a line. */
export function warnAt(code: WarningCode, token: Token, context: AssemblyContext, message: string): Warning {
  return warning(code, placeOf(token, context), message);
}

export function paragraphOf(token: Token): Paragraph {
  return { type: 'paragraph', content: token.line.content };
}

/** Front matter: paragraphs, lists, and a caption followed by cells → the table of Questions. */
export function frontBlocks(tokens: readonly Token[], context: AssemblyContext): BlocksRead<FrontBlock> {
  const blocks: FrontBlock[] = [];
  const warnings: Warning[] = [];
  const lists = new ListBuilder(context, warnings);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'listItem') {
      lists.add(token, blocks);
      continue;
    }
    lists.close();
    if (token.kind === 'caption' || token.kind === 'cell') {
      const start = token.kind === 'caption' ? i + 1 : i;
      let end = start;
      while (tokens[end]?.kind === 'cell') end++;
      if (token.kind === 'caption' && end === start) {
        warnings.push(warnAt('structure.captionWithoutTable', token, context, `no table after caption: ${token.text}`));
        blocks.push(paragraphOf(token));
        continue;
      }
      if (token.kind === 'cell') {
        warnings.push(warnAt('structure.tableWithoutCaption', token, context, 'table without a caption'));
      }
      const caption = token.kind === 'caption' ? token.text : '';
      const read = questionTable(caption, tokens.slice(start, end), context);
      blocks.push(read.table);
      for (const w of read.warnings) warnings.push(w);
      i = end - 1;
      continue;
    }
    if (token.kind !== 'paragraph') warnings.push(outOfPlace(token, context));
    blocks.push(paragraphOf(token));
  }
  return { blocks, warnings };
}

/** A Question's section (not relationships): paragraphs and lists. */
export function sectionBlocks(tokens: readonly Token[], context: AssemblyContext): BlocksRead<Block> {
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  const lists = new ListBuilder(context, warnings);
  for (const token of tokens) {
    if (token.kind === 'listItem') {
      lists.add(token, blocks);
      continue;
    }
    lists.close();
    if (token.kind !== 'paragraph') warnings.push(outOfPlace(token, context));
    blocks.push(paragraphOf(token));
  }
  return { blocks, warnings };
}

/**
 * A relationships section: a line ending with the label colon opens a group, the list items
 * after it are the group's items. Anything else becomes an ordinary block, with a warning.
 */
export function relationshipBlocks(tokens: readonly Token[], context: AssemblyContext): BlocksRead<Block> {
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  let group: RelationshipGroup | undefined;
  let stray: Token[] = [];
  const flushStray = () => {
    if (stray.length === 0) return;
    const read = sectionBlocks(stray, context);
    for (const block of read.blocks) blocks.push(block);
    for (const w of read.warnings) warnings.push(w);
    stray = [];
  };
  for (const token of tokens) {
    const label = token.kind === 'paragraph' ? labelOf(token.text, context.table) : undefined;
    if (label !== undefined) {
      flushStray();
      group = newGroup(label, token, context, warnings);
      blocks.push(group);
    } else if (token.kind === 'listItem' && group) {
      group.items.push(plainText(token.content).trim());
      if (token.content.some((inline) => inline.type === 'footnoteReference')) {
        warnings.push(footnoteDropped(token, context));
      }
    } else {
      group = undefined;
      const code = token.kind === 'listItem' ? 'structure.relationshipList' : 'structure.relationshipParagraph';
      warnings.push(warnAt(code, token, context, `not under a relationship label: ${token.text}`));
      stray.push(token);
    }
  }
  flushStray();
  for (const block of blocks) {
    if (block.type !== 'relationshipGroup') continue;
    const read = readRelationshipValues(block.role, block.items, context.table);
    if (read.values) block.values = read.values;
    const where = { file: context.file, ...(context.section ? { section: context.section } : {}) };
    for (const rejected of read.rejected) {
      warnings.push(warning('relationships.valueOutOfRange', where, `not a ${block.role} value: ${rejected}`));
    }
  }
  return { blocks, warnings };
}

function newGroup(label: string, token: Token, context: AssemblyContext, warnings: Warning[]): RelationshipGroup {
  const role = relationshipRole(context.table, label);
  if (token.line.content.some((inline) => inline.type === 'footnoteReference')) warnings.push(footnoteDropped(token, context));
  if (!role) warnings.push(warnAt('structure.unknownLabel', token, context, `unknown relationship label: ${label}`));
  return { type: 'relationshipGroup', label, role: role ?? 'other', items: [] };
}

/** A table lookup that a label such as `constructor` cannot turn into Object's own members. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `WSIS行动方面：` → `WSIS行动方面`; undefined when the line does not end with a label colon. */
export function labelOf(text: string, table: LanguageTable): string | undefined {
  const trimmed = text.trim();
  const colon = [table.labelColon, ...table.labelColonVariants].find((c) => c !== '' && trimmed.endsWith(c));
  if (colon === undefined) return undefined;
  const label = trimmed.slice(0, -colon.length).trim();
  return label === '' ? undefined : label;
}

/**
 * Consecutive list items form one list; an item one level down goes into the children of the
 * last item one level up. A level with no parent is lifted to the deepest level that has one.
 */
class ListBuilder {
  private list: List | undefined;
  /** The last item at each level of the open list. */
  private path: ListItem[] = [];

  constructor(
    private readonly context: AssemblyContext,
    private readonly warnings: Warning[],
  ) {}

  add(token: Token & { kind: 'listItem' }, blocks: { push(list: List): unknown }): void {
    if (!this.list) {
      this.list = { type: 'list', items: [] };
      blocks.push(this.list);
      this.path = [];
    }
    let level = Math.max(1, token.level);
    if (level > MAX_LIST_LEVEL) {
      const message = `level ${level} item, put at level ${MAX_LIST_LEVEL}, the deepest Word numbers`;
      this.warnings.push(warnAt('structure.listLevel', token, this.context, message));
      level = MAX_LIST_LEVEL;
    }
    if (level > this.path.length + 1) {
      const message = `level ${level} item without a parent, put at level ${this.path.length + 1}`;
      this.warnings.push(warnAt('structure.listLevel', token, this.context, message));
      level = this.path.length + 1;
    }
    const item: ListItem = { content: token.content, children: [] };
    const parent = this.path[level - 2];
    if (parent) parent.children.push(item);
    else this.list.items.push(item);
    this.path = [...this.path.slice(0, level - 1), item];
  }

  close(): void {
    this.list = undefined;
    this.path = [];
  }
}

/** Table 1: the header row gives the columns, every later row one record in field order. */
function questionTable(caption: string, cells: readonly Token[], context: AssemblyContext): { table: QuestionTable; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const rows = new Map<number, Map<number, string>>();
  const headerRows = new Set<number>();
  for (const cell of cells) {
    if (cell.kind !== 'cell') continue;
    if (cell.header) headerRows.add(cell.row);
    const row = rows.get(cell.row) ?? new Map<number, string>();
    const previous = row.get(cell.column);
    row.set(cell.column, previous === undefined ? cell.text.trim() : `${previous}\n${cell.text.trim()}`);
    rows.set(cell.row, row);
    if (cell.line.content.some((inline) => inline.type === 'footnoteReference')) {
      warnings.push(footnoteDropped(cell, context));
    }
  }
  const ordered = [...rows.keys()].sort((a, b) => a - b);
  const header = ordered.filter((row) => headerRows.has(row));
  const body = ordered.filter((row) => !headerRows.has(row));
  const texts = (row: number) => denseRow(rows.get(row));
  const columns = header.length > 0 ? texts(header[0] as number) : [];
  const place = placeOf(cells[0] as Token, context);
  if (columns.length !== QUESTION_TABLE_FIELDS.length) {
    const message = `table has ${columns.length} columns, expected ${QUESTION_TABLE_FIELDS.length}`;
    warnings.push(warning('structure.tableColumns', place, message));
  }
  if (header.length !== 1) warnings.push(warning('structure.tableHeader', place, `table has ${header.length} header rows, expected 1`));
  const records = body.map((row) => {
    const values = texts(row);
    if (values.length > QUESTION_TABLE_FIELDS.length) {
      const extra = values.slice(QUESTION_TABLE_FIELDS.length).join(' | ');
      warnings.push(warning('structure.tableColumns', place, `row ${row}: dropped extra cells: ${extra}`));
    }
    return tableRow(values);
  });
  return { table: { type: 'questionTable', caption, columns, rows: records }, warnings };
}

/** Cells by column → texts in column order, an empty string for a missing column. */
function denseRow(row: ReadonlyMap<number, string> | undefined): string[] {
  if (!row) return [];
  // Not Math.max(...keys): a hostile row of 100 000 cells would overflow the call stack.
  const width = [...row.keys()].reduce((max, column) => Math.max(max, column), -1) + 1;
  return Array.from({ length: width }, (_, column) => row.get(column) ?? '');
}

function tableRow(values: readonly string[]): QuestionTableRow {
  const record = {} as QuestionTableRow;
  QUESTION_TABLE_FIELDS.forEach((field, index) => {
    record[field] = values[index] ?? '';
  });
  return record;
}

function outOfPlace(token: Token, context: AssemblyContext): Warning {
  const code =
    token.kind === 'cell' ? 'structure.unexpectedTable' : token.kind === 'caption' ? 'structure.unexpectedCaption' : 'structure.unexpectedHeading';
  return warnAt(code, token, context, `kept as a paragraph: ${token.text}`);
}

export function footnoteDropped(token: Token, context: AssemblyContext): Warning {
  return warnAt('structure.footnoteDropped', token, context, `footnote reference lost in plain text: ${token.text}`);
}
