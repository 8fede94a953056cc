/**
 * The names in the relationships of a document, and how they are compared. An item may hold
 * several names (`ISO/IEC JTC 1/SC 41, ISO/IEC JTC 1/WG 11`; `C2、C3`): it is split at the
 * separators of a list outside parentheses. Two texts are compared three ways:
 *
 * - as written (`writing`): whitespace runs as one space, the list's closing punctuation left
 *   out. Everything else that differs is a way of writing: case, a space inside a code
 *   (`SC 41`/`SC41`) or between a Chinese and a Latin word (`IEC-ISO-ITU 智慧城市…`: labels
 *   ignore it, as a PDF's layout adds it, but no rendition of 008C adds one inside a name),
 *   dashes, full-width forms (`（`/`(`);
 * - by what they name (`nameKey`): the compatibility form (NFKC: full-width as half-width),
 *   lower case, without spaces, punctuation or symbols. One key written two ways is one body
 *   written two ways;
 * - by their Latin codes (`codeTokens`): runs of Latin letters and digits, for typos.
 */
import type { QuestionsDocument } from '../model/document.js';
import { eachSection, spotOf, type Use } from './forms.js';

/** A list separator outside parentheses: `,` `，` `、` `;` `；`. */
const SEPARATORS = new Set([',', '，', '、', ';', '；']);
const OPENING = new Set(['(', '（', '[', '［']);
const CLOSING = new Set([')', '）', ']', '］']);

/** `a, b（c、d）` → `a`, `b（c、d）`. */
export function splitNames(item: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of item) {
    if (OPENING.has(char)) depth++;
    else if (CLOSING.has(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.has(char)) {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  return names.map(writing).filter((name) => name !== '');
}

/** A text as written, without what is layout: see the module's comment. */
export function writing(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s.。;；,，、:：]+$/u, '');
}

/** What a name names, however it is written: `ISO/IEC JTC 1/SC 41` and `ＩＳＯ/IEC JTC1/sc41` are one key. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}

/**
 * The names in the relationship items of every known group, in document order: each item split
 * at its list separators (`C2、C3`; `ISO/IEC JTC 1/SC 41, ISO/IEC JTC 1/WG 11`). Most are
 * bodies, codes and numbers; a sentence (`本课题将与ITU-T第13研究组开展协调`) is compared as
 * a name too, and only a sentence written with the same words and other spacing, case or
 * punctuation is one written two ways. Unknown groups are left out: the reader has already
 * warned about their label.
 */
export function relationshipUses(doc: QuestionsDocument): Use[] {
  const uses: Use[] = [];
  for (const { question, section } of eachSection(doc)) {
    for (const block of section.blocks) {
      if (block.type !== 'relationshipGroup' || block.role === 'other') continue;
      const spot = spotOf(question, section);
      for (const item of block.items) for (const text of splitNames(item)) uses.push({ text, spot });
    }
  }
  return uses;
}

/** The parts of a hierarchical name: `ISO/IEC JTC 1/SC 41` → `ISO`, `IEC JTC 1`, `SC 41`. */
export function nameParts(name: string): string[] {
  const parts = name.split(/[/／]/u).map(writing);
  return parts.length > 1 ? parts.filter((part) => part !== '') : [];
}

/** A name with its acronym in parentheses, either way round: `开放移动联盟（OMA）`, `OMA (Open Mobile Alliance)`. */
export function acronymPair(name: string): { name: string; acronym: string } | undefined {
  const match = /^(?<outer>.*?\S)\s*[（(](?<inner>[^（）()]+)[）)]$/u.exec(name);
  if (!match?.groups) return undefined;
  const outer = writing(match.groups.outer ?? '');
  const inner = writing(match.groups.inner ?? '');
  if (isAcronym(inner) && !isAcronym(outer)) return { name: outer, acronym: inner };
  if (isAcronym(outer) && !isAcronym(inner)) return { name: inner, acronym: outer };
  return undefined;
}

/** One word of Latin letters and digits with a capital (`OMA`, `SC&C`, `oneM2M`, `IPv6`), in any width. */
function isAcronym(text: string): boolean {
  const flat = text.normalize('NFKC');
  return /^[A-Za-z0-9][A-Za-z0-9&.+-]{0,14}$/u.test(flat) && /[A-Z]/u.test(flat) && (flat.match(/[A-Za-z]/gu) ?? []).length >= 2;
}

/** The Latin codes of a text: runs of Latin letters and digits (NFKC: full-width as half-width). */
export function codeTokens(text: string): string[] {
  return text.normalize('NFKC').match(/[A-Za-z0-9]+/gu) ?? [];
}

/**
 * A token that looks like an acronym or a code: three characters or more, two capitals or
 * more (`JTC`, `IETF`, `oneM2M`, `SC41`). Words (`Smart`) and numbers are not codes.
 */
export function isCode(token: string): boolean {
  return token.length >= 3 && (token.match(/[A-Z]/gu) ?? []).length >= 2;
}
