/**
 * A linear scan of a JSON text that `JSON.parse` has already accepted, for the two things it
 * cannot tell us:
 *
 * - duplicate keys: `JSON.parse` keeps the last value of a key without a word (ECMA-262
 *   §25.5.1: the object is built with CreateDataProperty, which overwrites), and a reviver
 *   sees only the object already built, so the first value is gone before any code can look;
 * - nesting depth: `JSON.parse` itself takes a million levels, but the schema validator and
 *   every writer walk the tree recursively, and would overflow the stack;
 * - size in objects: each object of the model costs some 2 KB once the writers have run
 *   (150 000 paragraphs, 300 000 objects in 10 MB of JSON, built in 645 MB).
 *
 * The text is known to be valid JSON, so the scan only tells strings from structure: no
 * number or literal needs reading. One pass, a stack of one frame per open object or array.
 */

export type JsonProblem =
  | { kind: 'duplicateKey'; key: string; path: string; line: number }
  | { kind: 'depth'; depth: number; path: string; line: number }
  | { kind: 'objects'; limit: number; line: number };

interface Frame {
  /** Keys seen in an object; undefined for an array. */
  keys?: Set<string>;
  /** The key (object) or index (array) of the value being read, for the path. */
  at: string | number;
}

/** The first duplicate key, nesting deeper than `maxDepth` or object past `maxObjects`, whichever comes first. */
export function scanJson(text: string, maxDepth: number, maxObjects = Infinity): JsonProblem | undefined {
  const stack: Frame[] = [];
  let line = 1;
  let objects = 0;
  /** In an object, the next string is a key (after `{` or `,`), not a value. */
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) line++;
    else if (ch === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const frame = stack[stack.length - 1];
      if (expectKey && frame?.keys) {
        const key = decodeKey(text.slice(i, end + 1));
        if (frame.keys.has(key)) return { kind: 'duplicateKey', key, path: pathOf(stack, key), line };
        frame.keys.add(key);
        frame.at = key;
        expectKey = false;
      }
      i = end;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      const object = ch === 0x7b;
      if (object && ++objects > maxObjects) return { kind: 'objects', limit: maxObjects, line };
      stack.push(object ? { keys: new Set(), at: '' } : { at: 0 });
      if (stack.length > maxDepth) return { kind: 'depth', depth: stack.length, path: pathOf(stack.slice(0, -1)), line };
      expectKey = object;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
    } else if (ch === 0x2c /* , */) {
      const frame = stack[stack.length - 1];
      if (frame?.keys) expectKey = true;
      else if (frame) frame.at = (frame.at as number) + 1;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) i++;
    else if (ch === 0x22) return i;
  }
  return text.length - 1;
}

/** `"a"` and `"\u0061"` are one key to JSON.parse, so keys are compared decoded. */
function decodeKey(literal: string): string {
  return literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
}

/** `/questions/0/sections` (a JSON Pointer, RFC 6901: `~` and `/` escaped). */
function pathOf(stack: readonly Frame[], last?: string): string {
  const parts = stack.map((frame, index) => (index === stack.length - 1 && last !== undefined ? last : frame.at));
  return parts.map((part) => `/${String(part).replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');
}
