/**
 * The text reader removes extraction noise without a trace: random `[bookmark: _TocNNN]`
 * markers (anywhere in a line, or alone on a line of their own), trailing whitespace and CRLF
 * line endings added to input/008C.txt never change the model, except `metadata.source`
 * (its sha256 and line endings).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';
import { runs, timeoutMs } from './runs.js';

const SOURCE = readFileSync(fromRoot('input/008C.txt'), 'utf8');
const LINES = SOURCE.split('\n');

function content(doc: QuestionsDocument) {
  const { source: _source, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

const REFERENCE = content(readText(Buffer.from(SOURCE), '008C.txt').value);

const bookmark = fc.integer({ min: 0, max: 99_999 }).map((n) => `[bookmark: _Toc${n}]`);

const noise = fc.record({
  // A marker at a character offset of a line that holds text. (A blank line is a row separator
  // in a flattened table: Tika never writes a marker there, and a line of markers only is
  // dropped whole.)
  inLine: fc.array(fc.tuple(fc.nat(LINES.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), bookmark), { maxLength: 20 }),
  // A line holding markers only, before line N.
  ownLine: fc.array(fc.tuple(fc.nat(LINES.length), fc.array(bookmark, { minLength: 1, maxLength: 3 })), { maxLength: 10 }),
  // Spaces (and, on a line with text, TABs) at the end of line N.
  trailing: fc.array(fc.tuple(fc.nat(LINES.length - 1), fc.constantFrom(' ', '  ', '\u3000', '\t', ' \t ')), { maxLength: 20 }),
  crlf: fc.oneof(fc.constant('all' as const), fc.array(fc.nat(LINES.length - 1), { maxLength: 40 })),
});

/**
 * An offset inside an existing marker moves to its end: Tika writes a marker between two
 * characters of the text, never inside another marker. (The reader removes markers in one
 * pass, so `[bookm[bookmark: _Toc1]ark: _Toc2]` would leave `[bookmark: _Toc2]` behind;
 * removing until nothing changes would cost a pass per nesting level on hostile input.)
 */
function outsideMarkers(line: string, at: number): number {
  for (const match of line.matchAll(/\[bookmark:[^[\]\n]*\]/gu)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (at > start && at < end) return end;
  }
  return at;
}

type Noise = typeof noise extends fc.Arbitrary<infer R> ? R : never;

function noisy({ inLine, ownLine, trailing, crlf }: Noise): string {
  const lines = [...LINES];
  for (const [index, where, marker] of inLine) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const at = outsideMarkers(line, Math.floor(where * (line.length + 1)));
    lines[index] = line.slice(0, at) + marker + line.slice(at);
  }
  for (const [index, space] of trailing) {
    const line = lines[index]!;
    if (line.trim() === '' && space.includes('\t')) continue; // a TAB line is a table cell
    lines[index] = line + space;
  }
  const withOwn: string[] = [];
  lines.forEach((line, index) => {
    for (const [before, markers] of ownLine) if (before === index) withOwn.push(markers.join(''));
    withOwn.push(line);
  });
  const crlfAt = new Set(crlf === 'all' ? withOwn.keys() : crlf);
  return withOwn.map((line, index) => (index < withOwn.length - 1 ? line + (crlfAt.has(index) ? '\r\n' : '\n') : line)).join('');
}

describe('text reader noise (property)', () => {
  it(
    'bookmarks, trailing whitespace and CRLF never change the model of 008C.txt',
    () => {
      fc.assert(
        fc.property(noise, (n) => {
          const read = readText(Buffer.from(noisy(n)), '008C.txt');
          expect(content(read.value)).toEqual(REFERENCE);
        }),
        runs(60),
      );
    },
    timeoutMs(20_000),
  );
});
