/**
 * The limits the readers apply before they trust an input, in one place, so that the CLI can
 * offer each as a flag and print its default (README, "Security"). This module has no
 * dependencies: the CLI loads it without loading any reader.
 */

const MiB = 1024 * 1024;

/** The limits of the DOCX package screen (./docx/guards.ts). */
export interface DocxLimits {
  /** Entries in the ZIP central directory. */
  maxEntries: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed : compressed, for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Element nesting depth of any XML part that is read. */
  maxDepth: number;
  /** Declared size of the XML parts that are read (and handed to mammoth), together. */
  maxXmlBytes: number;
  /** XML elements in the parts that are read, together, after ./docx/simplify.ts. */
  maxElements: number;
  /** Size of the .docx file itself, which is read whole into memory. */
  maxFileBytes: number;
}

export const DEFAULT_DOCX_LIMITS: Readonly<DocxLimits> = Object.freeze({
  maxEntries: 10_000,
  // Media are never inflated, but a single entry of more than 256 MiB has no business in a text.
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 512 * MiB,
  // WordprocessingML deflates about 5–20 : 1; even a page of one repeated character stays
  // well under 200 : 1, while a deflate bomb reaches ~1000 : 1.
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
  // Real documents nest 10–30 deep (tables in tables rarely pass 100); mammoth's recursive
  // reader overflows the stack somewhere past a few thousand.
  maxDepth: 1_000,
  // mammoth (xmldom, then its own tree) holds about 50 bytes of memory per byte of XML: the
  // 12 MiB document.xml of poi/bug65649.docx in the robustness corpus costs it 800 MB and
  // 10 s. 8 MiB keeps a read well under V8's default heap limit, and is 2.5 times the XML
  // of the 360-page benchmark (../shared/input/large/008C-x20.docx, 3.2 MiB).
  maxXmlBytes: 8 * MiB,
  // What mammoth's memory follows is the number of elements, not bytes: xmldom's tree, then
  // mammoth's own, then its document, each hold every element. Measured peak RSS of a whole
  // `tsag build` is 70 MB plus 1.6–2.5 KB per element (after ./docx/simplify.ts), whatever the
  // element: 100k empty paragraphs 252 MB, 100k one-run paragraphs (300k elements) 595 MB, 15k
  // footnotes (120k) 272 MB, 100k styles (200k) 451 MB, and the 8 MiB of XML allowed above
  // hold 1.3M `<w:p/>` (2.0 GB). 90 000 keeps any shape under 300 MB, and reads the 360-page
  // benchmark (../shared/input/large/008C-x20.docx: 80k elements, 266 MB) and the whole
  // robustness corpus (at most 31k elements outside the file refused for its size).
  maxElements: 90_000,
  // The file is read whole (mammoth takes the package as one buffer), so its size is memory:
  // a build of a 100 MB .docx (one stored image) peaks at 199 MB, a 500 MB one at 578 MB even
  // to be refused. The largest file of the robustness corpus is 1.1 MB; the Word file of 008C
  // 130 KB. Media are the only thing that makes a Questions text large, and tsag reads none.
  maxFileBytes: 100 * MiB,
});

/**
 * The largest text, Markdown or JSON input, checked on the byte count before anything is
 * decoded. The text of 008C is 38 KB, its 360-page edition 0.8 MB; a Chinese text of 8 MB
 * builds in 154 MB, of 16 MB in 263 MB, of 60 MB in 2.5 GB.
 */
export const DEFAULT_MAX_TEXT_BYTES = 8 * MiB;

/**
 * The most lines of a text read. Each line becomes some hundreds of bytes of model, and some
 * kilobytes once all four writers have run: 200 000 one-word list items (1.2 MB) built to 1 GB.
 * 008C.txt has 488 lines, its 360-page edition (x20) 9 800; 008C repeated to 40 000 lines builds
 * in 230 MB, to 49 000 in 315 MB.
 */
export const DEFAULT_MAX_TEXT_LINES = 40_000;

/**
 * The most footnotes of a text input. Real editions have a few dozen (008C: 1); each note is a
 * reference, a text and a footnote in every output: 150 000 notes in one 7 MB paragraph took
 * 368 MB to read and 1.3 GB to build.
 */
export const DEFAULT_MAX_FOOTNOTES = 10_000;

/** `8,388,608 bytes (8 MiB)`: a size as messages give it, exact and at a glance. */
export function formatBytes(bytes: number): string {
  const units = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const;
  const [unit, scale] = units.find(([, scale]) => bytes >= scale) ?? ['bytes', 1];
  return `${bytes.toLocaleString('en-US')} bytes (${Number((bytes / scale).toFixed(1))} ${unit})`;
}

/** `80,000,000 bytes, over the limit of 8,388,608 bytes (8 MiB)`. */
export function tooLarge(size: number, limit: number): string {
  return `${size.toLocaleString('en-US')} bytes, over the limit of ${formatBytes(limit)}`;
}

/** The limits of the PDF reader (./pdf/index.ts). */
export interface PdfLimits {
  /** Size of the .pdf file, which pdf.js reads whole into memory. */
  maxFileBytes: number;
  /** Pages: a page tree may declare millions, each of which pdf.js would visit. */
  maxPages: number;
  /** Text runs of all pages together: each is an object held until the read ends. */
  maxItems: number;
  /** CPU time pdf.js may take to open the PDF and give the text of its pages. */
  maxMilliseconds: number;
  /** How much the process may grow while pdf.js reads (its inflated streams are typed arrays, outside any heap limit). */
  maxMemoryBytes: number;
}

export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = Object.freeze({
  // The PDF of 008C is 300 KB; fonts and images are what make a PDF large, and tsag reads neither.
  maxFileBytes: 100 * MiB,
  // 008C has 18 pages, its 360-page edition (x20) would have about 360.
  maxPages: 2_000,
  // 008C has 5 700 runs (about 320 a page); each costs some hundreds of bytes.
  maxItems: 1_000_000,
  // CPU time: 008C's PDF reads in about a second, its 360-page edition in 4 s; a PDF that takes
  // pdf.js this long is hostile or broken.
  maxMilliseconds: 6_000,
  // Past what pdf.js itself takes (loaded, in its thread): 008C's PDF grows the process by 50–60
  // MiB, the 360-page edition by 70–90 MiB; a stream that inflates to 1 GiB is stopped at 96 MiB,
  // with the whole process at about 210 MB.
  maxMemoryBytes: 96 * MiB,
});
