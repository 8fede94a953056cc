import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { RelationshipValues } from '../../model/document.js';
import { findUrls } from '../../model/work-programme.js';

/**
 * Where the typed values of the model link to: a Recommendation to its page in ITU's
 * Recommendation database, an SDG to its UN page, a Question of the edition to its heading.
 * The visible text is always the text as written; only the target is added, so the HTML reader,
 * which keeps a link's text, reads back the same model.
 */
export const recommendationUrl = (identifier: string): string => `https://www.itu.int/rec/T-REC-${identifier}`;
export const sdgUrl = (goal: number): string => `https://sdgs.un.org/goals/goal${goal}`;

/** A span of the text that links somewhere. */
interface Span {
  start: number;
  end: number;
  href: string;
}

/** Text as phrasing content: its URLs, and the spans given, as links. */
export function linkedText(text: string, extra: readonly Span[] = []): ElementContent[] {
  const spans: Span[] = findUrls(text).map(({ url, index }) => ({ start: index, end: index + url.length, href: url }));
  for (const span of extra) if (!spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span);
  spans.sort((a, b) => a.start - b.start);
  const out: ElementContent[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ type: 'text', value: text.slice(at, span.start) });
    out.push(h('a', { href: span.href }, text.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

/**
 * The spans of a relationship item that name one of its group's typed values: each
 * Recommendation identifier (`Y.4100` and `Y.2066` in `Y.4100/Y.2066`), each SDG number, each
 * Question number that `anchorOf` knows. A code counts only as a whole word (not `Y.410` in `Y.4100`).
 */
export function valueSpans(item: string, values: RelationshipValues | undefined, anchorOf: (question: string) => string | undefined): Span[] {
  switch (values?.kind) {
    case 'recommendations': {
      const identifiers = [...new Set(values.recommendations.flatMap((ref) => ref.identifiers))];
      return identifiers.flatMap((id) => occurrences(item, id).map((start) => ({ start, end: start + id.length, href: recommendationUrl(id) })));
    }
    case 'sdgs':
      return [...new Set(values.goals)].flatMap((goal) => {
        const code = String(goal);
        return occurrences(item, code).map((start) => ({ start, end: start + code.length, href: sdgUrl(goal) }));
      });
    case 'questions':
      return values.questions.flatMap((number) => {
        const anchor = anchorOf(number);
        return anchor === undefined ? [] : occurrences(item, number).map((start) => ({ start, end: start + number.length, href: `#${anchor}` }));
      });
    default:
      return [];
  }
}

/**
 * Where `code` stands in `text` as a whole code: no Latin letter or digit (or `.` and a digit
 * after it) joined to either end. CJK characters may touch it: `包括Y.4100`, `Y.4000系列`.
 */
function occurrences(text: string, code: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(code); at !== -1; at = text.indexOf(code, at + code.length)) {
    const before = text.charAt(at - 1);
    const after = text.slice(at + code.length, at + code.length + 2);
    if (/[A-Za-z0-9]/u.test(before) || /^(?:[A-Za-z0-9]|\.[0-9])/u.test(after)) continue;
    found.push(at);
  }
  return found;
}
