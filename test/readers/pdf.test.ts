/**
 * The PDF reader (src/readers/pdf/): LibreOffice's PDF of each edition reads as its DOCX does,
 * and hostile PDFs, written byte by byte (../helpers/pdf-bytes.ts), are refused with one line
 * and a code. Each PDF is parsed once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { InputError } from '../../src/model/result.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { detectFormat, readDocument } from '../../src/readers/index.js';
import type { PdfLimits } from '../../src/readers/limits.js';
import { readPdf } from '../../src/readers/pdf/index.js';
import { readText } from '../../src/readers/text/index.js';
import { onePage, pageBomb, stream } from '../helpers/pdf-bytes.js';
import { ROOT, SHARED } from '../helpers/paths.js';

const HELLO = 'BT /F1 12 Tf 72 700 Td (Question 1/20) Tj ET';

/** The InputError a read ends with (fails the test when it ends otherwise). */
async function refusal(bytes: Uint8Array, file = 'x.pdf', limits?: Partial<PdfLimits>): Promise<InputError> {
  try {
    await readPdf(bytes, file, limits ? { limits } : {});
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('read without an error');
}

const DIR_008C = `${SHARED}renditions/008C/`;
const present = existsSync(`${DIR_008C}lo.pdf`) && existsSync(`${SHARED}input/008C.docx`);
if (!present) console.warn(`skipped: the PDF of 008C is not in ${DIR_008C} (see ../shared/renditions/make.sh)`);

describe.skipIf(!present)('the PDF of 008C', () => {
  let pdf: QuestionsDocument;
  let docx: QuestionsDocument;
  beforeAll(async () => {
    docx = (await readDocx(readFileSync(`${SHARED}input/008C.docx`), '008C.docx')).value;
    pdf = (await readDocument(readFileSync(`${DIR_008C}lo.pdf`), 'lo.pdf')).value;
  });

  it('reads as the DOCX does: Table 1, every Question, the footnote', () => {
    // Compared as `tsag diff` compares: the PDF sets a space between Chinese and Latin letters
    // (`ITU 智慧`) where the DOCX has none, which no reader can tell from a space typed.
    expect(diffEditions(docx, pdf).changes).toEqual([]);
    expect(pdf.frontMatter.blocks.map((block) => block.type)).toEqual(docx.frontMatter.blocks.map((block) => block.type));
    expect(pdf.questions.map((question) => question.number)).toEqual(docx.questions.map((question) => question.number));
    expect(pdf.footnotes).toHaveLength(1);
  });

  it('keeps the running footer once, as metadata, as the text reader does', () => {
    expect(pdf.metadata.source.format).toBe('pdf');
    expect(pdf.metadata.footer).toEqual(docx.metadata.footer);
    expect(pdf.metadata.documentReference).toBe(docx.metadata.documentReference);
  });
});

/**
 * The content changes each edition's PDF still shows, with why; asserted as they are, so that a
 * change either way is seen.
 * - ar: pdf.js, as pdftotext, gives an Arabic lam-alef ligature back alef first, and inside a
 *   word nothing in the text tells it from a real alef-lam (`إلنترنت` for `لإنترنت`, `وعالقتها`
 *   for `وعلاقتها`, `توصيالً` for `توصيلاً`): 8 changes, each one such word.
 */
const KNOWN_CHANGES: Record<string, number> = { ar: 8 };

describe.each(['en', 'fr', 'es', 'ru', 'ar'])('the PDF of the %s fixture', (code) => {
  let pdf: QuestionsDocument;
  let docx: QuestionsDocument;
  beforeAll(async () => {
    docx = (await readDocx(readFileSync(`${ROOT}fixtures/lang-${code}/${code}-lo.docx`), `${code}-lo.docx`)).value;
    pdf = (await readPdf(readFileSync(`${ROOT}fixtures/renditions/${code}/lo.pdf`), 'lo.pdf')).value;
  });

  it('reads as its DOCX does', () => {
    expect(pdf.metadata.language).toBe(code);
    const diff = diffEditions(docx, pdf);
    const known = KNOWN_CHANGES[code];
    if (known !== undefined) expect(diff.changes).toHaveLength(known);
    else expect(diff.changes.map((change) => [change.kind, change.target, change.path])).toEqual([]);
    // The running footer, repeated at the bottom of every page, is kept once as metadata.
    expect(pdf.metadata.footer).toEqual(docx.metadata.footer);
  });
});

describe('a PDF of another writer, its Table 1 across a page break (fixtures/pdf/sg-many-lo.pdf)', () => {
  it('reads as the text it was made from', async () => {
    const text = readText(readFileSync(`${ROOT}fixtures/sg-many/sg-many.txt`), 'sg-many.txt').value;
    const pdf = (await readPdf(readFileSync(`${ROOT}fixtures/pdf/sg-many-lo.pdf`), 'sg-many-lo.pdf')).value;
    expect(diffEditions(text, pdf).changes.map((change) => [change.kind, change.target, change.path])).toEqual([]);
    const table = pdf.frontMatter.blocks.find((block) => block.type === 'questionTable');
    expect(table?.type === 'questionTable' ? table.rows.length : 0).toBe(pdf.questions.length);
  });
});

describe('a bold heading wrapped at a hanging indent (fixtures/pdf/itud-q9-3-lo.pdf)', () => {
  it('is one heading: the next line in its font, the line before full on the page', async () => {
    const pdf = (await readPdf(readFileSync(`${ROOT}fixtures/pdf/itud-q9-3-lo.pdf`), 'itud-q9-3-lo.pdf')).value;
    expect(pdf.questions.map((question) => [question.number, question.title])).toEqual([
      ['9-3/2', 'Identification of study topics in the ITU-T and ITU-R study groups which are of particular interest to developing countries'],
    ]);
  });
});

describe('a footnote wrapped at the bottom of its page (fixtures/pdf/en-long-note-lo.pdf)', () => {
  it('is one note, its second line at the margin as its number', async () => {
    const pdf = (await readPdf(readFileSync(`${ROOT}fixtures/pdf/en-long-note-lo.pdf`), 'en-long-note-lo.pdf')).value;
    expect(pdf.footnotes).toEqual([
      {
        id: '1',
        text: 'Source: ITU, Measuring digital development – Facts and Figures 2023, which gives the share of the population using the Internet in rural and urban areas of each region, and the gap between them over the last ten years.',
      },
    ]);
  });
});

describe('what is a PDF', () => {
  it('is known by its extension or its header, whatever its name says', () => {
    const header = new TextEncoder().encode('%PDF-1.7\n');
    expect(detectFormat('a.pdf', new Uint8Array())).toBe('pdf');
    expect(detectFormat('a.txt', header)).toBe('pdf');
    expect(detectFormat('a.docx', header)).toBe('pdf');
    expect(detectFormat('a', header)).toBe('pdf');
  });
});

describe('hostile and unreadable PDFs: one line, a code', () => {
  /** Each case: the bytes, the code, the limits. */
  const cases: [string, () => Uint8Array, string, Partial<PdfLimits>?][] = [
    [
      'encrypted',
      () =>
        onePage(
          HELLO,
          '',
          '/Count 1',
          `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >> /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>]`,
        ),
      'input.unsafe',
    ],
    ['image-only (no text)', () => onePage('q 10 0 0 10 0 0 cm Q'), 'input.format'],
    ['truncated', () => new Uint8Array(readFileSync(`${ROOT}fixtures/renditions/en/lo.pdf`)).subarray(0, 20_000), 'input.malformed'],
    ['a header and nothing else', () => new TextEncoder().encode('%PDF-1.4\nnothing'), 'input.malformed'],
    [
      // Ten million pages from nine objects: each page-tree node names the next ten times.
      'a page bomb',
      () =>
        pageBomb([
          '<< /Type /Page /MediaBox [0 0 595 842] /Contents 10 0 R /Resources << /Font << /F1 11 0 R >> >> >>',
          stream(HELLO),
          '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        ]),
      'input.tooLarge',
    ],
    ['arrays nested 100 000 deep in a page', () => onePage(HELLO, `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'input.tooDeep'],
    ['arrays nested 100 000 deep in the content', () => onePage(`${'['.repeat(100_000)}${']'.repeat(100_000)} pop ${HELLO}`), 'input.tooDeep'],
    ['over the page limit', () => onePage(HELLO), 'input.tooLarge', { maxPages: 0 }],
    ['over the size limit', () => onePage(HELLO), 'input.tooLarge', { maxFileBytes: 100 }],
    ['over the time limit', () => new Uint8Array(readFileSync(`${ROOT}fixtures/renditions/en/lo.pdf`)), 'input.tooLarge', { maxMilliseconds: 1 }],
  ];
  it.each(cases)('%s', async (_name, bytes, code, limits) => {
    const error = await refusal(bytes(), 'x.pdf', limits);
    expect(error.code).toBe(code);
    expect(error.describe()).toMatch(/^x\.pdf: [^\n]+$/u);
  });

  it('a PDF with text but no Questions is no Questions text', async () => {
    expect((await refusal(onePage('BT /F1 12 Tf 72 700 Td (Hello) Tj ET'))).code).toBe('input.notQuestions');
  });
});
