import { describe, expect, it } from 'vitest';
import { checkDocument, type Finding } from '../../src/check/index.js';
import type { QuestionsDocument, RelationshipGroup } from '../../src/model/document.js';
import { consistentModel, para } from './consistent-model.js';
import { withThirdQuestion } from './third-question.js';

const ROLE_CODES = new Set(['relationships.label', 'section.heading', 'term.variant']);
const found = (doc: QuestionsDocument) =>
  checkDocument(doc)
    .filter((f: Finding) => ROLE_CODES.has(f.code))
    .map((f) => ({
      code: f.code,
      at: f.where.section,
      forms: f.forms?.map((form) => `${form.text} @ ${form.places.map((p) => p.section).join(' ')}`),
      suggestion: f.suggestion,
    }));

function bodiesGroup(doc: QuestionsDocument, q: number): RelationshipGroup {
  const group = doc.questions[q]?.sections[3]?.blocks.find((block) => block.type === 'relationshipGroup' && block.role === 'bodies');
  if (group?.type !== 'relationshipGroup') throw new Error('no bodies group');
  return group;
}

describe('labels and headings of one role across Questions', () => {
  it('a relationship label unlike the one the other Questions write', () => {
    const doc = withThirdQuestion(consistentModel());
    bodiesGroup(doc, 1).label = '标准化机构';
    expect(found(doc)).toEqual([
      { code: 'relationships.label', at: 'B.4', forms: ['标准化机构 @ B.4', '其它机构 @ A.4 C.4'], suggestion: '其它机构' },
    ]);
  });

  it('two labels of one role side by side in a Question are two groups, not one named two ways', () => {
    const doc = withThirdQuestion(consistentModel());
    doc.questions[0]?.sections[3]?.blocks.push({ type: 'relationshipGroup', label: '标准化机构', role: 'bodies', items: ['IEEE'] });
    bodiesGroup(doc, 1).label = '标准化机构';
    expect(found(doc)).toEqual([]);
  });

  it('case, spacing and the colon are not another label; one Question against one is no majority', () => {
    const doc = withThirdQuestion(consistentModel());
    doc.metadata.language = 'en';
    for (const q of [0, 1, 2]) bodiesGroup(doc, q).label = 'Other bodies';
    bodiesGroup(doc, 2).label = 'Other  Bodies';
    expect(found(doc)).toEqual([]);
    const two = consistentModel();
    bodiesGroup(two, 1).label = '标准化机构';
    expect(found(two)).toEqual([]);
  });

  it('a section heading unlike the others of its role', () => {
    const doc = withThirdQuestion(consistentModel());
    const section = doc.questions[2]?.sections[0];
    if (section) section.heading = '动机';
    expect(found(doc)).toEqual([{ code: 'section.heading', at: 'C.1', forms: ['动机 @ C.1', '目的 @ A.1 B.1'], suggestion: '目的' }]);
  });
});

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
