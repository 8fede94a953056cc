import type { RecommendationRef, RelationshipRole, RelationshipValues } from './document.js';
import type { LanguageTable } from './languages.js';

/**
 * The typed values of a relationship group, computed from its items as written. Every reader
 * derives `RelationshipGroup.values` with this one function, so that two renditions of one
 * edition carry the same values, and a reader of a rendition that does not store them
 * (Markdown) gives them back.
 *
 * Codes are the same in every language (WSIS action lines `C7`, SDG numbers, Recommendation
 * numbers `Y.4100`, Question numbers `1/20`), so their patterns live here; the words around
 * them (`系列`) come from the language table. Values are kept in order of first mention, each
 * once: they say which codes a group names, not how often. A group whose items name no code
 * of its kind has no values (`ITU-T第20研究组所有课题`).
 */
export function relationshipValues(role: RelationshipRole, items: readonly string[], table: LanguageTable): RelationshipValues | undefined {
  return readRelationshipValues(role, items, table).values;
}

export interface RelationshipValuesRead {
  values?: RelationshipValues;
  /** What looked like a value but cannot be one (an SDG 18), for a reader's warning. */
  rejected: string[];
}

/** `relationshipValues`, with what was rejected. */
export function readRelationshipValues(role: RelationshipRole, items: readonly string[], table: LanguageTable): RelationshipValuesRead {
  switch (role) {
    case 'wsis': {
      const actionLines = unique(items.flatMap((item) => (item.match(ACTION_LINE) ?? []).map((code) => `C${code.slice(1)}`)));
      return actionLines.length > 0 ? { values: { kind: 'wsis', actionLines }, rejected: [] } : { rejected: [] };
    }
    case 'sdgs':
      return sdgValues(items);
    case 'recommendations': {
      const recommendations = uniqueRefs(items.flatMap((item) => recommendationRefs(item, table)));
      return recommendations.length > 0 ? { values: { kind: 'recommendations', recommendations }, rejected: [] } : { rejected: [] };
    }
    case 'questions': {
      const questions = unique(items.flatMap((item) => item.match(QUESTION_NUMBER) ?? []));
      return questions.length > 0 ? { values: { kind: 'questions', questions }, rejected: [] } : { rejected: [] };
    }
    case 'studyGroups':
    case 'bodies':
    case 'other':
      return { rejected: [] };
  }
}

/**
 * A WSIS action line (`C1` … `C11`), not part of a longer word or number. A Russian text may
 * type the Cyrillic look-alike `С`: it is read, and given back as the Latin `C`.
 */
const ACTION_LINE = /(?<![A-Za-z0-9\u0400-\u04ff])[C\u0421]\d{1,2}(?!\d)/gu;
/** An integer, or a range written with an ellipsis between two integers (`1、2、…和 17`). */
const GOAL_OR_RANGE = /(?<!\d)(\d{1,3})(?:[^\d…⋯]*?(?:…|⋯|\.\.\.)[^\d]*?(\d{1,3}))?(?!\d)/gu;
const LAST_GOAL = 17;
/** `Y.4000`, `F.748.0`, `Y.Suppl.53`: a series letter, a dot, an optional supplement marker. */
const RECOMMENDATION_ID = String.raw`[A-Z]\.(?:(?:Suppl|Sup|Imp)\.)?\d+(?:\.\d+)*`;
/** Numbers joined by `/` are one Recommendation known under several numbers (`Y.4100/Y.2066`). */
const RECOMMENDATION = new RegExp(String.raw`(?<![A-Za-z0-9.])(?<ids>${RECOMMENDATION_ID}(?:\s*\/\s*${RECOMMENDATION_ID})*)(?![\d])`, 'gu');
/** A Question number `1/20`, not part of a longer number or path. */
const QUESTION_NUMBER = /(?<![\d/])\d{1,2}\/\d{1,2}(?![\d/])/gu;

/** SDGs are numbered 1 to 17: anything else is rejected, not guessed at. */
function sdgValues(items: readonly string[]): RelationshipValuesRead {
  const goals: number[] = [];
  const rejected: string[] = [];
  for (const item of items) {
    for (const match of item.matchAll(GOAL_OR_RANGE)) {
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (from < 1 || to > LAST_GOAL || to < from) {
        rejected.push(match[0]);
        continue;
      }
      for (let goal = from; goal <= to; goal++) if (!goals.includes(goal)) goals.push(goal);
    }
  }
  return goals.length > 0 ? { values: { kind: 'sdgs', goals }, rejected } : { rejected };
}

/**
 * The Recommendations named in one item, in order. A number with the language's series word
 * after it (`Y.4000系列`, `Y.4000 series`) or before it (`série Y.4000`) names the whole series.
 */
export function recommendationRefs(item: string, table: LanguageTable): RecommendationRef[] {
  const refs: RecommendationRef[] = [];
  for (const match of item.matchAll(RECOMMENDATION)) {
    const identifiers = (match.groups?.['ids'] ?? '').split('/').map((id) => id.trim());
    const at = match.index ?? 0;
    const { before, after } = table.recommendationSeries;
    const series = (after?.test(item.slice(at + match[0].length)) ?? false) || (before?.test(item.slice(0, at)) ?? false);
    refs.push(series ? { identifiers, series: true } : { identifiers });
  }
  return refs;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueRefs(refs: readonly RecommendationRef[]): RecommendationRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.identifiers.join('/')}${ref.series ? '*' : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
