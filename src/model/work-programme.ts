import type { Block, Inline, Section } from './document.js';
import { plainText } from './inline.js';
import type { LanguageTable } from './languages.js';

/**
 * Finding URLs in running text, and the one URL a Question carries: the link to its page in
 * the study group's work programme. Every reader derives `Question.workProgrammeUrl` with
 * `questionWorkProgrammeUrl`, so that it always agrees with the paragraphs it comes from.
 */

/**
 * An http(s) URL in running text. It ends before whitespace, `<`, `>`, quotes, `(`/`)`, and any
 * CJK or full-width punctuation: in a Chinese text the URL is followed straight away by `）`
 * or `。` with no space (`工作计划（https://…?q=1/20）。`). It ends before `|` too, which is no
 * URL character (RFC 3986) and which a Markdown table cell cannot hold inside an autolink.
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'()|\u0000-\u001f\u007f\u3000-\u303f\uff00-\uffef]+/gu;
/** ASCII punctuation that ends a sentence rather than the URL (`see https://x.org/a.`). */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/u;

/** The URLs of a text, in order, with where each starts. */
export function findUrls(text: string): { url: string; index: number }[] {
  const found: { url: string; index: number }[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    // `https://` followed by nothing URL-like is no URL.
    if (/^https?:\/\/./u.test(url)) found.push({ url, index: match.index ?? 0 });
  }
  return found;
}

/** The first URL of a paragraph that points to the work programme (`…工作计划（https://…）`). */
export function workProgrammeUrl(paragraph: readonly Inline[], table: LanguageTable): string | undefined {
  const text = plainText(paragraph);
  return table.workProgramme.test(text) ? findUrls(text)[0]?.url : undefined;
}

/** The work-programme URL of a Question: the first one found in its sections' paragraphs. */
export function questionWorkProgrammeUrl(sections: readonly Section[], table: LanguageTable): string | undefined {
  for (const section of sections) {
    for (const block of section.blocks) {
      const url = isParagraph(block) ? workProgrammeUrl(block.content, table) : undefined;
      if (url) return url;
    }
  }
  return undefined;
}

function isParagraph(block: Block): block is Extract<Block, { type: 'paragraph' }> {
  return block.type === 'paragraph';
}
