/**
 * The end matter of a text extraction (./index.ts): the page footer (`L:\008C.DOCX<TAB>27.01.21<TAB>25.11.19`)
 * and image file names that trail the content, with the `______` rule before them. The DOCX
 * and HTML readers parse their footers with `parseFooter` too.
 */
import type { Footer } from '../../model/document.js';
import { warning, type Warning } from '../../model/result.js';
import type { EndMatter } from '../assemble/lines.js';
import { baseName } from '../metadata.js';

const RULE = /^\s*_{5,}\s*$/u;
const IMAGE = /^[^\s\\/]+\.(?:png|jpe?g|gif|emf|wmf|svg)$/iu;
/** A path ending with a file name with an extension (`L:\008C.DOCX`, `008C.DOCX`). */
const FOOTER_PATH = /^(?:[^\t]*[\\/])?[^\\/\t]+\.[A-Za-z0-9]{1,5}$/u;
const FOOTER_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/u;

/** What the split looks at in a line: its text, whether it is a table cell, its number. */
export interface MetaLine {
  number: number;
  text: string;
  cell: boolean;
}

export interface EndMatterSplit<L> {
  body: L[];
  endMatter: EndMatter;
  warnings: Warning[];
}

/**
 * End matter is only what trails the content: the run of footer, image and blank lines at the
 * end of the file, with the `______` rule just before it. The same lines amid the content stay
 * content (with a warning): a conservative reading never drops text on a guess.
 */
export function splitEndMatter<L extends MetaLine>(lines: L[], file: string): EndMatterSplit<L> {
  let start = lines.length;
  while (start > 0 && isTrailingMeta(lines[start - 1])) start--;
  const before = lines[start - 1];
  if (before && !before.cell && RULE.test(before.text)) start--;
  const warnings: Warning[] = [];
  const endMatter: EndMatter = { images: [] };
  for (const line of lines.slice(start)) {
    const footer = parseFooter(line.text);
    if (footer && endMatter.footer) {
      warnings.push(warning('endMatter.extraFooter', { file, line: line.number }, `ignored a second footer: ${line.text}`));
    } else if (footer) {
      endMatter.footer = footer;
      endMatter.documentReference = baseName(footer.path);
    } else if (IMAGE.test(line.text)) endMatter.images.push(line.text);
  }
  const body = lines.slice(0, start);
  for (const line of body) {
    if (!line.cell && (parseFooter(line.text) || IMAGE.test(line.text))) {
      warnings.push(warning('endMatter.outOfPlace', { file, line: line.number }, `kept as content, not end matter: ${line.text}`));
    }
  }
  return { body, endMatter, warnings };
}

function isTrailingMeta(line: MetaLine | undefined): boolean {
  if (!line) return false;
  // A line of only tabs and spaces reads as an empty cell, but after the content it is blank.
  if (line.text === '') return true;
  if (line.cell) return false;
  return IMAGE.test(line.text) || parseFooter(line.text) !== undefined;
}

/** `L:\008C.DOCX<TAB>27.01.21<TAB>25.11.19` → the path and the dates as written. */
export function parseFooter(text: string): Footer | undefined {
  // Every line of the body is asked: a footer has a TAB and ends with a date's digit, so most
  // lines are let go before the split.
  const end = text.trimEnd();
  const last = end.charCodeAt(end.length - 1);
  if (!text.includes('\t') || !(last >= 0x30 && last <= 0x39)) return undefined;
  const parts = text
    .split('\t')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const [path, ...dates] = parts;
  if (path === undefined || dates.length === 0) return undefined;
  if (!FOOTER_PATH.test(path) || !dates.every((date) => FOOTER_DATE.test(date))) return undefined;
  return { path, dates };
}
