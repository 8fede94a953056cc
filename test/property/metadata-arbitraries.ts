/**
 * fast-check generators of the metadata of a Questions document, for ./arbitraries.ts: as a
 * rendition that stores all of it can hold it (JSON, the Markdown front matter), and as a Word
 * file holds it.
 */
import fc from 'fast-check';
import type { Footer, Metadata, SourceInfo } from '../../src/model/document.js';

/** Any string, with the characters that break line-based formats made likely. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('\u2028', '\u2029', '\u0085', '\ufeff', '"', '\\', '\n', '---', ': ', '#', 'a'), maxLength: 6 }),
);

const source: fc.Arbitrary<SourceInfo> = fc
  .record({
    fileName: anyString,
    format: fc.constantFrom('text', 'docx', 'markdown', 'json', 'html' as const),
    sha256: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
    encoding: fc.option(fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'), { nil: undefined }),
    lineEndings: fc.option(fc.constantFrom('lf', 'crlf', 'cr', 'mixed', 'none' as const), { nil: undefined }),
  })
  .map(({ encoding, lineEndings, ...rest }) => ({
    ...rest,
    ...(encoding !== undefined ? { encoding } : {}),
    ...(lineEndings !== undefined ? { lineEndings } : {}),
  }));

/** Metadata as any rendition that stores it (JSON, the Markdown front matter) can hold it. */
export const anyMetadata: fc.Arbitrary<Metadata> = fc
  .record({
    source,
    documentReference: fc.option(anyString, { nil: undefined }),
    footer: fc.option(fc.record({ path: anyString, dates: fc.array(anyString, { maxLength: 3 }) }), { nil: undefined }),
    images: fc.array(anyString, { maxLength: 3 }),
  })
  .map(({ source, documentReference, footer, images }) => ({
    language: 'zh',
    source,
    ...(documentReference !== undefined ? { documentReference } : {}),
    ...(footer !== undefined ? { footer: { path: footer.path, dates: footer.dates } } : {}),
    images,
  }));

/**
 * Metadata as a Word file holds it: the page footer is a path and dates (the form every reader
 * recognises), and the document reference is the footer's file name; the header image is not
 * written (its bytes are not in the model), so there are none.
 */
export const docxMetadata: fc.Arbitrary<Metadata> = fc
  .option(
    fc.record({
      dir: fc.constantFrom('L:\\', 'C:\\docs\\', '', 'ITU/TSAG/'),
      name: fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFabc-_'), minLength: 1, maxLength: 8 }),
      ext: fc.constantFrom('DOCX', 'docx', 'doc'),
      dates: fc.array(
        fc
          .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }))
          .map(([d, m, y]) => `${d}.${String(m).padStart(2, '0')}.${String(y).padStart(2, '0')}`),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { nil: undefined },
  )
  .map((footer) => {
    const base: Metadata = {
      language: 'zh',
      source: { fileName: 'p.docx', format: 'docx', sha256: '0'.repeat(64) },
      images: [],
    };
    if (!footer) return base;
    const file = `${footer.name}.${footer.ext}`;
    const value: Footer = { path: `${footer.dir}${file}`, dates: footer.dates };
    return { ...base, documentReference: file, footer: value };
  });
