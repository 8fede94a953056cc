/**
 * A document that writes every body, label, heading and term one way gives no cross-Question
 * finding, whatever bodies each Question lists: random names (acronyms and codes, hierarchical
 * names, names with their acronym), each written the same way wherever it stands, in random
 * subsets of two or three Questions, under one bodies label, with one form of each term.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/index.js';
import { acronymPair, codeTokens, isCode, nameKey } from '../../src/check/names.js';
import { typoKind } from '../../src/check/relationships.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { languageTable } from '../../src/model/languages.js';
import { consistentModel, para } from '../check/consistent-model.js';
import { withThirdQuestion } from '../check/cross-question.js';
import { runs } from './runs.js';

const CROSS = new Set([
  'relationships.spelling',
  'relationships.typo',
  'relationships.acronyms',
  'relationships.names',
  'relationships.label',
  'section.heading',
  'term.variant',
]);
const zh = languageTable('zh');
const CHINESE_NAMES = ['开放移动联盟', '对象管理组织', '工业互联网联盟', '开放地理空间联盟', '物联网创新联盟', '开放连接基金会'];
const BODIES_LABELS = Object.keys(zh.relationshipRoles).filter((label) => zh.relationshipRoles[label] === 'bodies');
/** The model writes `本课题` and `号课题` already: a group it writes is written in its form; the others in either. */
const MODEL_TEXT = JSON.stringify(consistentModel());
const written = (group: readonly string[]) => group.findIndex((form) => MODEL_TEXT.includes(form));

const acronym = fc.stringMatching(/^[A-Z][A-Z0-9]{1,4}[A-Za-z0-9]?$/u);
const name = fc.oneof(
  acronym,
  fc.integer({ min: 1, max: 60 }).map((n) => `ISO/IEC JTC 1/SC ${n}`),
  fc.tuple(fc.constantFrom(...CHINESE_NAMES), acronym).map(([chinese, acr]) => `${chinese}（${acr}）`),
);

/** Really different names: no two one key, no two codes a typo apart, each name and acronym paired once. */
function distinct(pool: readonly string[]): boolean {
  const tokens = [...new Set(pool.flatMap((text) => codeTokens(text).filter(isCode)))];
  if (tokens.some((a) => tokens.some((b) => typoKind(a, b) !== undefined))) return false;
  const pairs = pool.flatMap((text) => acronymPair(text) ?? []);
  const unique = (keys: string[]) => new Set(keys).size === keys.length;
  return unique(pairs.map((p) => nameKey(p.name))) && unique(pairs.map((p) => nameKey(p.acronym)));
}

const documents = fc
  .record({
    pool: fc.uniqueArray(name, { minLength: 1, maxLength: 12, selector: nameKey }).filter(distinct),
    three: fc.boolean(),
    label: fc.constantFrom(...BODIES_LABELS),
    terms: fc.array(fc.nat(1), { minLength: zh.termVariants.length, maxLength: zh.termVariants.length }),
    seed: fc.array(fc.boolean(), { minLength: 3 * 12, maxLength: 3 * 12 }),
  })
  .map(({ pool, three, label, terms, seed }) => {
    const doc: QuestionsDocument = three ? withThirdQuestion(consistentModel()) : consistentModel();
    doc.questions.forEach((question, q) => {
      const relationships = question.sections[3];
      for (const block of relationships?.blocks ?? []) {
        if (block.type !== 'relationshipGroup' || block.role !== 'bodies') continue;
        block.label = label;
        block.items.push(...pool.filter((_, i) => seed[q * 12 + i]));
      }
      const words = zh.termVariants.map((group, g) => group[written(group) >= 0 ? written(group) : (terms[g] ?? 0)]).join('、');
      question.sections[0]?.blocks.push(para(`${words}。`));
    });
    return doc;
  });

describe('a consistent document gives no cross-Question finding', () => {
  it('whatever names each Question lists, written one way', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(checkDocument(doc).filter((f) => CROSS.has(f.code))).toEqual([]);
      }),
      runs(100),
    );
  });
});
