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

/** A container being written: its members (key, or none in an array), the next one, its depth. */
interface Open {
  members: [string | undefined, unknown][];
  next: number;
  depth: number;
  close: string;
}

function prettyJson(value: unknown): string {
  const out: string[] = [];
  const stack: Open[] = [];
  const write = (member: unknown, depth: number): void => {
    const members = membersOf(member);
    if (members === undefined) out.push(scalar(member));
    else if (members.length === 0) out.push(Array.isArray(member) ? '[]' : '{}');
    else {
      out.push(Array.isArray(member) ? '[' : '{');
      stack.push({ members, next: 0, depth, close: Array.isArray(member) ? ']' : '}' });
    }
  };
  write(value, 0);
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const member = top.members[top.next];
    if (member === undefined) {
      out.push(top.depth >= FLAT_DEPTH ? top.close : `\n${indent(top.depth)}${top.close}`);
      stack.pop();
      continue;
    }
    const [key, item] = member;
    const flat = top.depth >= FLAT_DEPTH;
    if (top.next > 0) out.push(',');
    if (!flat) out.push(`\n${indent(top.depth + 1)}`);
    if (key !== undefined) out.push(JSON.stringify(key), flat ? ':' : ': ');
    top.next++;
    write(item, top.depth + 1);
  }
  return out.join('');
}

/** An array's items, or an object's defined members in the stable key order; nothing for a scalar. */
function membersOf(value: unknown): [string | undefined, unknown][] | undefined {
  if (Array.isArray(value)) return value.map((item): [undefined, unknown] => [undefined, item]);
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  return Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(compareKeys)
    .map((key) => [key, record[key]]);
}

/** A scalar as `JSON.stringify` writes it in an array: `null` for what JSON cannot hold. */
function scalar(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

const indents: string[] = [];

function indent(depth: number): string {
  return (indents[depth] ??= '  '.repeat(depth));
}
