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

/** A copy of a JSON value with object keys in the stable order; `undefined` members dropped. */
export function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = orderKeys(member);
    }
    return out;
  }
  return value;
}

/** JSON with a stable key order, 2-space indent and a final newline. */
export function writeJson(doc: QuestionsDocument): string {
  return `${JSON.stringify(orderKeys(doc), null, 2)}\n`;
}
