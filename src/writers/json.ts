import type { QuestionsDocument } from '../model/document.js';

/**
 * The order in which keys are written, whatever order a reader built them in: the model's
 * declaration order (src/model/document.ts). Keys not listed here come after, sorted.
 */
const KEY_ORDER = [
  'schemaVersion',
  'metadata',
  'language',
  'source',
  'fileName',
  'format',
  'sha256',
  'encoding',
  'lineEndings',
  'documentReference',
  'footer',
  'path',
  'dates',
  'images',
  'frontMatter',
  'questionsHeading',
  'heading',
  'questions',
  'letter',
  'number',
  'studyGroup',
  'title',
  'continuation',
  'workProgrammeUrl',
  'sections',
  'role',
  'type',
  'kind',
  'label',
  'caption',
  'columns',
  'rows',
  'newNumber',
  'currentTitle',
  'status',
  'previousNumber',
  'previousTitle',
  'content',
  'value',
  'id',
  'text',
  'items',
  'children',
  'values',
  'actionLines',
  'goals',
  'recommendations',
  'identifiers',
  'series',
  'blocks',
  'footnotes',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Containers this deep or deeper are written on one line, without spaces. The model is 13 deep
 * with a list of two levels, 2 deeper per level, so every ITU text is written exactly as
 * `JSON.stringify(value, null, 2)` writes it; a list nested thousands deep, which a reader may
 * hand over, would otherwise give an output quadratic in its depth (2,000 levels of a 197 KB
 * input: 80 MB), and with indentation merely capped still ten times the input.
 */
export const FLAT_DEPTH = 32;

/**
 * JSON with a stable key order (`undefined` members dropped), 2-space indent (one line from
 * FLAT_DEPTH down) and a final newline: `JSON.stringify(value, null, 2)` for any model of
 * ordinary depth, byte for byte. Written with its own stack, not recursion (nor
 * `JSON.stringify`'s), since the depth is the input's to choose.
 */
export function writeJson(doc: QuestionsDocument): string {
  return `${prettyJson(doc)}\n`;
}

/** A container being written: its keys (none for an array), the next member, its depth. */
interface Open {
  container: Record<string, unknown> | unknown[];
  keys: string[] | undefined;
  next: number;
  depth: number;
}

function prettyJson(value: unknown): string {
  // Built with `+=`: V8 joins the pieces once, when the string is first read, faster than an array join.
  let out = '';
  const stack: Open[] = [];
  /** Writes a scalar or an empty container, or opens a container: its members follow. */
  const write = (member: unknown, depth: number): void => {
    if (member === null || typeof member !== 'object') {
      out += scalar(member);
      return;
    }
    const keys = Array.isArray(member) ? undefined : definedKeys(member as Record<string, unknown>);
    const size = keys === undefined ? (member as unknown[]).length : keys.length;
    if (size === 0) out += keys === undefined ? '[]' : '{}';
    else {
      out += keys === undefined ? '[' : '{';
      stack.push({ container: member as Record<string, unknown> | unknown[], keys, next: 0, depth });
    }
  };
  write(value, 0);
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const { container, keys, next, depth } = top;
    const flat = depth >= FLAT_DEPTH;
    if (next === (keys ?? (container as unknown[])).length) {
      if (!flat) out += `\n${indent(depth)}`;
      out += keys === undefined ? ']' : '}';
      stack.pop();
      continue;
    }
    if (next > 0) out += ',';
    if (!flat) out += `\n${indent(depth + 1)}`;
    top.next++;
    if (keys === undefined) write((container as unknown[])[next], depth + 1);
    else {
      const key = keys[next]!;
      out += quoted(key) + (flat ? ':' : ': ');
      write((container as Record<string, unknown>)[key], depth + 1);
    }
  }
  return out;
}

/** An object's keys in the stable order, those of `undefined` members left out. */
function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(compareKeys);
}

/** Keys as JSON strings: the model has a few dozen names, met thousands of times. */
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let json = quotedKeys.get(key);
  if (json === undefined) {
    json = JSON.stringify(key);
    if (RANK.has(key)) quotedKeys.set(key, json);
  }
  return json;
}

/** A scalar as `JSON.stringify` writes it in an array: `null` for what JSON cannot hold. */
function scalar(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

const indents: string[] = [];

function indent(depth: number): string {
  indents[depth] ??= '  '.repeat(depth);
  return indents[depth];
}
