/**
 * Reads tsag's own JSON (as written by src/writers/json.ts) back into the model.
 *
 * Keeps: everything, metadata included, as written: this is a rendition of a model, so JSON →
 * model → JSON is the identity. Refuses (InputError, one line, the JSON path where known):
 * bytes that are not UTF-8 JSON; duplicate keys and nesting deeper than `MAX_JSON_DEPTH`
 * (./scan.ts); JSON that does not match the published schema; and what the schema
 * cannot say: a language with no language table, a footnote reference to no footnote, two
 * footnotes with one id, lists nested deeper than the readers ever nest them.
 * Warns: a Question without one of its four sections (`section.missing`), as every reader does.
 */
import { MAX_LIST_LEVEL, type Block, type FrontBlock, type Inline, type ListItem, type QuestionsDocument } from '../../model/document.js';
import { LANGUAGES, languageTable } from '../../model/languages.js';
import { InputError, type Read } from '../../model/result.js';
import { schemaError } from '../../model/schema.js';
import { missingSectionWarnings } from '../../model/sections.js';
import { scanJson } from './scan.js';

/**
 * The deepest nesting of a JSON input. The model nests about 2 levels per list level over a
 * base of 8 (document → questions → question → sections → section → blocks → list → items):
 * 9 list levels make 26. The schema validator and the writers recurse once per level or two.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The most objects in a JSON input: each costs some 2 KB once the writers have run (300 000
 * objects built in 645 MB). The JSON of the 360-page edition holds 12 700; of 008C, 567.
 */
export const MAX_JSON_OBJECTS = 100_000;

export interface JsonReadOptions {
  maxDepth?: number;
  maxObjects?: number;
}

export function readJson(bytes: Uint8Array, file: string, options: JsonReadOptions = {}): Read<QuestionsDocument> {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, '', `not a JSON file: ${(error as Error).message}`, 'input.format');
  }
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const maxObjects = options.maxObjects ?? MAX_JSON_OBJECTS;
  const scanned = scanJson(text, maxDepth, maxObjects);
  if (scanned?.kind === 'objects') {
    throw new InputError(
      file,
      `line ${scanned.line}`,
      `more than ${maxObjects.toLocaleString('en-US')} objects (the limit; --max-elements): refused (document too large)`,
      'input.tooLarge',
    );
  }
  if (scanned?.kind === 'duplicateKey') {
    throw new InputError(file, `line ${scanned.line}`, `duplicate key "${scanned.key}" at ${scanned.path}: which value is meant?`, 'input.malformed');
  }
  if (scanned?.kind === 'depth') {
    throw new InputError(
      file,
      `line ${scanned.line}`,
      `JSON nested too deep at ${shortPath(scanned.path)} (more than ${maxDepth} levels)`,
      'input.tooDeep',
    );
  }
  const problem = schemaError(value);
  if (problem) throw new InputError(file, '', `not a tsag Questions JSON: ${problem}`, 'input.format');
  const doc = value as QuestionsDocument;
  const meaning = meaningError(doc);
  if (meaning) throw new InputError(file, meaning.path, meaning.message, 'input.model');
  const table = languageTable(doc.metadata.language);
  const warnings = doc.questions.flatMap((question) => missingSectionWarnings(question, table, { file }));
  return { value: doc, warnings };
}

/** A path 60 levels deep is 500 characters: its start and its end say where. */
function shortPath(path: string): string {
  if (path === '') return '/';
  return path.length <= 120 ? path : `${path.slice(0, 70)}…${path.slice(-40)}`;
}

interface MeaningError {
  /** JSON Pointer of the offending value. */
  path: string;
  message: string;
}

/** What the schema cannot say: the language has a table, footnote ids are unique and resolve, lists are not too deep. */
export function meaningError(doc: QuestionsDocument): MeaningError | undefined {
  const language = doc.metadata.language;
  if (!Object.hasOwn(LANGUAGES, language)) {
    const message = `no language table for "${language}" (known: ${Object.keys(LANGUAGES).join(', ')})`;
    return { path: '/metadata/language', message };
  }
  const ids = new Set<string>();
  for (const [index, note] of doc.footnotes.entries()) {
    if (ids.has(note.id)) return { path: `/footnotes/${index}/id`, message: `a second footnote with id "${note.id}"` };
    ids.add(note.id);
  }
  for (const { blocks, path } of blockLists(doc)) {
    for (const [index, block] of blocks.entries()) {
      const found = blockError(block, `${path}/${index}`, ids);
      if (found) return found;
    }
  }
  return undefined;
}

function blockLists(doc: QuestionsDocument): { blocks: readonly (Block | FrontBlock)[]; path: string }[] {
  const lists: { blocks: readonly (Block | FrontBlock)[]; path: string }[] = [{ blocks: doc.frontMatter.blocks, path: '/frontMatter/blocks' }];
  doc.questions.forEach((question, q) => {
    question.sections.forEach((section, s) => {
      lists.push({ blocks: section.blocks, path: `/questions/${q}/sections/${s}/blocks` });
    });
  });
  return lists;
}

/** A reference to no footnote, or a list deeper than `MAX_LIST_LEVEL`, in one block. */
function blockError(block: Block | FrontBlock, path: string, ids: ReadonlySet<string>): MeaningError | undefined {
  if (block.type === 'paragraph') return referenceError(block.content, `${path}/content`, ids);
  if (block.type !== 'list') return undefined;
  // An explicit stack, not recursion: the depth is what is being checked.
  // Pushed last to first, so that items are checked, and the first problem found, in document order.
  const pending: { item: ListItem; path: string; level: number }[] = [];
  const push = (items: readonly ListItem[], at: string, level: number) => {
    for (let i = items.length - 1; i >= 0; i--) pending.push({ item: items[i] as ListItem, path: `${at}/${i}`, level });
  };
  push(block.items, `${path}/items`, 1);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { item, path: at, level } = next;
    if (level > MAX_LIST_LEVEL) {
      return { path: at, message: `list nested ${level} levels deep: tsag's readers nest at most ${MAX_LIST_LEVEL}` };
    }
    const found = referenceError(item.content, `${at}/content`, ids);
    if (found) return found;
    push(item.children, `${at}/children`, level + 1);
  }
  return undefined;
}

function referenceError(content: readonly Inline[], path: string, ids: ReadonlySet<string>): MeaningError | undefined {
  for (const [index, inline] of content.entries()) {
    if (inline.type === 'footnoteReference' && !ids.has(inline.id)) {
      return { path: `${path}/${index}/id`, message: `reference to footnote "${inline.id}", which is not in /footnotes` };
    }
  }
  return undefined;
}
