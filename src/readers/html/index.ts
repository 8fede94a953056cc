/**
 * Reader for HTML: LibreOffice's and pandoc's HTML of an edition, tsag's own HTML writer's, a
 * Question page saved from ITU's website. Parsed by rehype-parse (parse5, the WHATWG parsing
 * algorithm browsers use), then read into `SourceLine`s (./lines.ts) for the one assembler, as
 * the DOCX reader does with mammoth's document.
 *
 * Keeps: the text of every block as a browser shows it, headings, list items, table cells and
 *   captions as hints, ITU paragraph styles named by class (LibreOffice), footnotes found by
 *   their links both ways (./notes.ts); the page footer and header images as metadata, where
 *   LibreOffice's or tsag's own HTML has them (./page.ts).
 * Drops: scripts, styles, embedded and remote resources (nothing is run or fetched: the tree
 *   is only read), site navigation, hidden elements, images, link targets, formatting.
 * Refuses (one line, exit 2): more elements or deeper nesting than the limits (`--max-elements`,
 *   `--max-depth`, as for DOCX), bytes that are not text; the size limit of text inputs is
 *   checked before (../index.ts).
 * Decodes: a byte-order mark, else the `<meta>` charset the page declares, else UTF-8 or
 *   GB18030 (./decode.ts).
 * Not handled yet: notes inside notes; text that CSS alone generates or hides (a class's
 *   `display: none` in a style sheet).
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { QuestionsDocument } from '../../model/document.js';
import { InputError, type Read } from '../../model/result.js';
import { assemble } from '../assemble/index.js';
import { DEFAULT_DOCX_LIMITS, DEFAULT_MAX_FOOTNOTES, DEFAULT_MAX_TEXT_LINES } from '../limits.js';
import { sourceOf, withMetadata } from '../metadata.js';
import { decodeHtml } from './decode.js';
import { htmlLines } from './lines.js';
import { findNotes, walkElements } from './notes.js';
import { pageParts } from './page.js';

export interface HtmlReadOptions {
  /** Force the language table instead of detecting it (`zh`). */
  language?: string;
  /** The most elements (default: the DOCX reader's `maxElements`). */
  maxElements?: number;
  /** The deepest nesting of elements (default: the DOCX reader's `maxDepth`). */
  maxDepth?: number;
  /** The most lines (blocks a browser shows) and footnotes, as for a text input (`--max-lines`, `--max-footnotes`). */
  maxLines?: number;
  maxFootnotes?: number;
}

const parser = unified().use(rehypeParse).freeze();

export function readHtml(bytes: Uint8Array, file: string, options: HtmlReadOptions = {}): Read<QuestionsDocument> {
  const text = decodeHtml(bytes, file);
  const maxElements = options.maxElements ?? DEFAULT_DOCX_LIMITS.maxElements;
  // An upper bound of the element count, before parse5 builds them: every start tag is `<` and a letter.
  const tags = text.match(/<[a-z]/giu)?.length ?? 0;
  if (tags > maxElements) {
    throw new InputError(file, '', `more than ${maxElements} HTML elements (${tags} start tags): refused (document too large)`, 'input.tooLarge');
  }
  const tree = parse(text, file);
  checkDepth(tree, file, options.maxDepth ?? DEFAULT_DOCX_LIMITS.maxDepth);
  const notes = findNotes(tree);
  const { endMatter, parts } = pageParts(tree);
  const { lines, footnotes } = htmlLines(tree, notes, parts, file);
  // Each line costs kilobytes once assembled and written, as a text's does (../limits.ts).
  const maxLines = options.maxLines ?? DEFAULT_MAX_TEXT_LINES;
  if (lines.length > maxLines)
    throw new InputError(file, '', `too many lines for an HTML input: over ${maxLines} (--max-lines): refused`, 'input.tooLarge');
  const maxFootnotes = options.maxFootnotes ?? DEFAULT_MAX_FOOTNOTES;
  if (footnotes.length > maxFootnotes) {
    throw new InputError(file, '', `too many footnotes for an HTML input: over ${maxFootnotes} (--max-footnotes): refused`, 'input.tooLarge');
  }
  const assembled = assemble(
    { lines, footnotes, endMatter },
    { file, unit: 'paragraph', ...(options.language ? { language: options.language } : {}) },
  );
  return { value: withMetadata(assembled.value, endMatter, sourceOf(file, 'html', bytes)), warnings: assembled.warnings };
}

function parse(text: string, file: string): Root {
  try {
    return parser.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(file, '', 'HTML nesting too deep (stack overflow)', 'input.tooDeep');
    throw error;
  }
}

function checkDepth(tree: Root, file: string, maxDepth: number): void {
  const depths = new Map<Element, number>();
  walkElements(tree, (element, parent) => {
    const depth = (parent ? (depths.get(parent) ?? 0) : 0) + 1;
    depths.set(element, depth);
    if (depth > maxDepth) throw new InputError(file, '', `HTML nesting too deep (over ${maxDepth} levels)`, 'input.tooDeep');
  });
}
