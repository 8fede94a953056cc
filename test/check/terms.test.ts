import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { LANGUAGES } from '../../src/model/languages.js';
import { consistentModel, para } from './consistent-model.js';
import { bodiesGroup, findingsOf, withThirdQuestion } from './cross-question.js';

const found = (doc: QuestionsDocument) => findingsOf(doc, ['term.variant', 'relationships.label']);

describe('terms the language table knows variants of', () => {
  it('a variant where the document otherwise writes the usual form', () => {
    const doc = withThirdQuestion(consistentModel());
    for (const q of [0, 1, 2]) doc.questions[q]?.sections[0]?.blocks.push(para('本课题研究数据。本课题制定建议书。'));
    doc.questions[1]?.sections[1]?.blocks.push(para('本问题将与第13研究组协调。'));
    expect(found(doc)).toEqual([
      { code: 'term.variant', at: 'B.2', forms: ['本问题 @ B.2', '本课题 @ A.1 A.3 B.1 B.3 C.1 C.3'], suggestion: '本课题' },
    ]);
  });

  it('a text that uses both forms often is no finding, nor the label that holds a variant', () => {
    const doc = withThirdQuestion(consistentModel());
    for (const q of [0, 1, 2]) doc.questions[q]?.sections[0]?.blocks.push(para('与其他机构和其它论坛合作。'));
    bodiesGroup(doc, 0).label = '其他机构';
    expect(found(doc).map((f) => f.code)).toEqual(['relationships.label']);
  });

  it('Latin forms are whole words: organisation is a variant, organisationally or disorganisation is not this term', () => {
    const doc = withThirdQuestion(consistentModel());
    doc.metadata.language = 'en';
    for (const q of [0, 1, 2]) doc.questions[q]?.sections[0]?.blocks.push(para('The organization and its organization, with standardization.'));
    doc.questions[2]?.sections[1]?.blocks.push(para('Disorganisation is not organisationally a term.'));
    expect(found(doc)).toEqual([]);
    doc.questions[2]?.sections[1]?.blocks.push(para('An Organisation.'));
    expect(found(doc)).toEqual([
      { code: 'term.variant', at: 'C.2', forms: ['organisation @ C.2', 'organization @ A.1 B.1 C.1'], suggestion: 'organization' },
    ]);
  });
});

describe('the term variants of every language table', () => {
  for (const [code, table] of Object.entries(LANGUAGES)) {
    it(`${code}: each form of a group is found as itself, never as another form of its group`, () => {
      for (const group of table.termVariants) {
        expect(new Set(group).size).toBeGreaterThanOrEqual(2);
        for (const form of group) {
          const doc = withThirdQuestion(consistentModel());
          doc.metadata.language = code;
          // Thirty times in each Question: more than five times what the model itself writes (本课题, 号课题).
          for (let q = 0; q < 3; q++) doc.questions[q]?.sections[0]?.blocks.push(para(`${form} `.repeat(30)));
          const other = group.find((f) => f !== form) as string;
          doc.questions[1]?.sections[2]?.blocks.push(para(`${other}.`));
          // The model's own 本课题 in every tasks section is the variant too, when 本问题 is the usual form.
          const terms = found(doc).filter((f) => f.code === 'term.variant');
          expect(terms.map((f) => f.at)).toContain('B.3');
          for (const f of terms) expect([f.forms?.[0]?.split(' @ ')[0], f.suggestion]).toEqual([other, form]);
        }
      }
    });
  }
});
