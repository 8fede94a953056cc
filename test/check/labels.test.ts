import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { consistentModel } from './consistent-model.js';
import { bodiesGroup, findingsOf, withThirdQuestion } from './cross-question.js';

const found = (doc: QuestionsDocument) => findingsOf(doc, ['relationships.label', 'section.heading', 'term.variant']);

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
