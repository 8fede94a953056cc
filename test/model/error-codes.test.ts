/**
 * Every refusal says what it is about with a code (src/model/codes.ts), one per kind of
 * trouble, whatever reader meets it: programs and tests read the code, people the message.
 */
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/model/codes.js';
import { readDocument } from '../../src/readers/index.js';
import { CONTENT_TYPES, ROOT_RELS } from '../helpers/docx-parts.js';
import { rejectedInputError } from '../helpers/input-error.js';
import { fromRoot } from '../helpers/paths.js';

const text = (value: string) => new TextEncoder().encode(value);
const docx = (document: string) =>
  zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(document) });

describe('error codes', () => {
  it.each([
    ['a novel', 'novel.txt', readFileSync(fromRoot('fixtures/not-questions/novel.txt')), {}, 'input.notQuestions'],
    ['an unknown language', 'x.txt', readFileSync(fromRoot('input/008C.txt')), { language: 'xx' }, 'input.language'],
    ['a PDF cut after its header', 'x.pdf', text('%PDF-1.7\n'), {}, 'input.malformed'],
    ['binary data (NUL characters)', 'x.txt', text('A\u0000B\u0000C'), {}, 'input.format'],
    ['bytes of no encoding tsag reads', 'x.txt', Uint8Array.from([0x41, 0xff, 0xfe, 0x42, 0x80, 0x80]), {}, 'input.encoding'],
    ['a JSON that is not tsag’s', 'x.json', text('{"a": 1}'), {}, 'input.format'],
    ['a duplicate JSON key', 'x.json', text('{"a": 1, "a": 2}'), {}, 'input.malformed'],
    ['an empty .docx', 'x.docx', new Uint8Array(), {}, 'input.format'],
    ['a DTD in a part', 'x.docx', docx('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document/>'), {}, 'input.unsafe'],
    ['a text too large', 'x.txt', text('x'.repeat(2000)), { maxTextBytes: 1000 }, 'input.tooLarge'],
  ])('%s', async (_, file, bytes, options, code) => {
    const error = await rejectedInputError(() => readDocument(bytes, file, options));
    expect(error.code).toBe(code);
    expect(ERROR_CODES).toContain(error.code);
  });
});
