import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/result.js';
import { decodeText, lineEndingsOf } from '../../src/readers/text/decode.js';

const SOURCE = readFileSync(new URL('../../input/008C.txt', import.meta.url));
const SOURCE_TEXT = SOURCE.toString('utf8');

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => utf16le(text).map((_, i, all) => all[i % 2 === 0 ? i + 1 : i - 1] as number);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

function decodeError(input: Uint8Array): InputError {
  try {
    decodeText(input, 'x.txt');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('decodeText: encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('1\t引言\n'), 'x.txt')).toEqual({ text: '1\t引言\n', encoding: 'utf-8', lineEndings: 'lf' });
  });

  it('strips a UTF-8 BOM', () => {
    const decoded = decodeText(concat(bytes(0xef, 0xbb, 0xbf), utf8('第1/20号课题')), 'x.txt');
    expect(decoded.text).toBe('第1/20号课题');
    expect(decoded.encoding).toBe('utf-8-bom');
  });

  it('keeps a second BOM, which is content', () => {
    const decoded = decodeText(concat(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), utf8('a')), 'x.txt');
    expect(decoded.text).toBe('\ufeffa');
  });

  it('reads UTF-16LE and UTF-16BE with their BOM', () => {
    expect(decodeText(concat(bytes(0xff, 0xfe), utf16le('课题 A\r\n')), 'x.txt')).toEqual({
      text: '课题 A\n',
      encoding: 'utf-16le',
      lineEndings: 'crlf',
    });
    expect(decodeText(concat(bytes(0xfe, 0xff), utf16be('课题 B')), 'x.txt')).toEqual({
      text: '课题 B',
      encoding: 'utf-16be',
      lineEndings: 'none',
    });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    // 中文 in GB18030 (D6D0 CEC4), not valid UTF-8.
    expect(decodeText(bytes(0xd6, 0xd0, 0xce, 0xc4, 0x0a), 'x.txt')).toEqual({
      text: '中文\n',
      encoding: 'gb18030',
      lineEndings: 'lf',
    });
  });

  it('decodes the whole source and an empty file', () => {
    expect(decodeText(SOURCE, '008C.txt')).toEqual({ text: SOURCE_TEXT, encoding: 'utf-8', lineEndings: 'lf' });
    expect(decodeText(new Uint8Array(), 'x.txt')).toEqual({ text: '', encoding: 'utf-8', lineEndings: 'none' });
  });
});

describe('decodeText: refusals', () => {
  it('refuses bytes that no decoder accepts instead of emitting U+FFFD', () => {
    const error = decodeError(bytes(0x41, 0xff, 0x42));
    expect(error.file).toBe('x.txt');
    expect(error.code).toBe('input.encoding');
  });

  it('refuses a lone surrogate after a UTF-16 BOM (no fallback to another encoding)', () => {
    expect(decodeError(bytes(0xff, 0xfe, 0x00, 0xd8)).code).toBe('input.encoding');
  });

  it('refuses binary data: NUL characters', () => {
    expect(decodeError(utf8('a\u0000b')).code).toBe('input.format');
  });

  it('refuses UTF-16 without a BOM as binary, and says why', () => {
    const error = decodeError(utf16le('Question 1/20'));
    expect(error.code).toBe('input.format');
    expect(error.message).toMatch(/NUL/);
    expect(error.message).toMatch(/BOM/);
  });
});

describe('decodeText: line endings', () => {
  it.each([
    ['a\nb\n', 'lf', 'a\nb\n'],
    ['a\r\nb\r\n', 'crlf', 'a\nb\n'],
    ['a\rb\r', 'cr', 'a\nb\n'],
    ['a\r\nb\nc\rd', 'mixed', 'a\nb\nc\nd'],
    ['ab', 'none', 'ab'],
    ['\r\n\r\n', 'crlf', '\n\n'],
  ] as const)('%j is %s, normalised to LF', (input, endings, text) => {
    const decoded = decodeText(utf8(input), 'x.txt');
    expect(decoded.lineEndings).toBe(endings);
    expect(decoded.text).toBe(text);
    expect(lineEndingsOf(input)).toBe(endings);
  });

  it('leaves no CR in a CRLF version of the source', () => {
    const crlf = utf8(SOURCE_TEXT.replace(/\n/g, '\r\n'));
    const decoded = decodeText(crlf, 'x.txt');
    expect(decoded.text).toBe(SOURCE_TEXT);
    expect(decoded.text.includes('\r')).toBe(false);
    expect(decoded.lineEndings).toBe('crlf');
  });
});
