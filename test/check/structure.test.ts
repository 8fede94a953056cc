import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/index.js';
import { nextLetter } from '../../src/check/structure.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { consistentModel } from './consistent-model.js';

const codes = (doc: QuestionsDocument) => checkDocument(doc).map((f) => `${f.code} @ ${f.where.section ?? ''}`);

/** A third Question, a copy of B lettered and numbered as told (sections renumbered to match). */
function withThird(letter: string, number: string): QuestionsDocument {
  const doc = consistentModel();
  const b = structuredClone(doc.questions[1]!);
  const url = `https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=${number}`;
  doc.questions.push({
    ...b,
    letter,
    number,
    title: '第三个课题',
    continuation: '新课题',
    workProgrammeUrl: url,
    sections: b.sections.map((s, i) => ({ ...s, number: `${letter}.${i + 1}` })),
  });
  const table = doc.frontMatter.blocks.find((block) => block.type === 'questionTable');
  if (table?.type === 'questionTable')
    table.rows.push({ newNumber: number, currentTitle: '第三个课题', status: '新课题', previousNumber: '', previousTitle: '' });
  return doc;
}

describe('letters and numbers of the Questions', () => {
  it('letters run A, B, … Z, AA, AB, …', () => {
    expect(['A', 'B', 'Y', 'Z', 'AZ', 'ZZ', 'a', ''].map(nextLetter)).toEqual(['B', 'C', 'Z', 'AA', 'BA', 'AAA', undefined, undefined]);
  });

  it('a third Question C 3/20 is in sequence', () => {
    expect(codes(withThird('C', '3/20'))).toEqual([]);
  });

  it('a letter that skips', () => {
    expect(codes(withThird('D', '3/20'))).toEqual(['sequence.letter @ 3/20']);
  });

  it('a number that skips, and a first Question that is not 1', () => {
    expect(codes(withThird('C', '4/20'))).toEqual(['sequence.number @ 4/20']);
    const doc = consistentModel();
    doc.questions[0]!.letter = 'B';
    expect(codes(doc)).toContain('sequence.letter @ 1/20');
  });

  it('a Question of another study group', () => {
    const doc = withThird('C', '3/13');
    doc.questions[2]!.studyGroup = 13;
    expect(codes(doc)).toEqual(['sequence.studyGroup @ 3/13']);
  });
});

describe('the sections of each Question', () => {
  it('sections out of order', () => {
    const doc = consistentModel();
    const sections = doc.questions[0]!.sections;
    [sections[1], sections[2]] = [sections[2]!, sections[1]!];
    sections[1]!.number = 'A.2';
    sections[2]!.number = 'A.3';
    expect(codes(doc)).toEqual(['section.order @ A.3']);
  });

  it('a missing section, and the numbering gap it leaves', () => {
    const doc = consistentModel();
    doc.questions[1]!.sections.splice(2, 1);
    expect(codes(doc)).toEqual(['section.number @ B.4', 'section.missing @ 2/20']);
  });

  it('a section lettered for another Question, a second section of one role, an unknown heading', () => {
    const doc = consistentModel();
    doc.questions[0]!.sections[0]!.number = 'B.1';
    expect(codes(doc)).toEqual(['structure.sectionLetter @ B.1']);
    const again = consistentModel();
    const sections = again.questions[0]!.sections;
    sections.push({
      number: 'A.5',
      heading: '目的',
      role: 'motivation',
      blocks: [{ type: 'paragraph', content: [{ type: 'text', value: '又一个目的。' }] }],
    });
    sections.push({ number: 'A.6', heading: '附注', role: 'other', blocks: [{ type: 'paragraph', content: [{ type: 'text', value: '附注。' }] }] });
    expect(codes(again)).toEqual(['section.duplicate @ A.5', 'structure.unknownSection @ A.6']);
  });

  it('an empty section', () => {
    const doc = consistentModel();
    doc.questions[0]!.sections[1]!.blocks = [];
    doc.questions[1]!.sections[1]!.blocks = [{ type: 'paragraph', content: [{ type: 'text', value: '  ' }] }];
    expect(codes(doc)).toEqual(['section.empty @ A.2', 'section.empty @ B.2']);
  });
});

describe('a text that starts at its Question (a web page, an excerpt)', () => {
  /** The consistent model without its front part, its Questions as a web page gives them: no letter, no section numbers, no link. */
  function excerpt(): QuestionsDocument {
    const doc = consistentModel();
    doc.frontMatter = { heading: { number: '', title: '' }, blocks: [] };
    doc.questionsHeading = { number: '', title: '' };
    doc.footnotes = [];
    doc.questions = doc.questions.slice(1).map((q) => {
      const { workProgrammeUrl: _url, ...rest } = q;
      return { ...rest, letter: '', sections: q.sections.map((s) => ({ ...s, number: '' })) };
    });
    return doc;
  }

  it('is not asked for Table 1, letters, numbering from 1, section numbers or the work-programme link', () => {
    expect(codes(excerpt())).toEqual([]);
  });

  it('still has its sections, their order and the study group checked', () => {
    const doc = excerpt();
    const [question] = doc.questions;
    question!.sections = question!.sections.slice(0, 3).reverse();
    expect(codes(doc)).toEqual(['section.order @ 2/20', 'section.order @ 2/20', 'section.missing @ 2/20']);
  });

  it('an edition with a front part is asked for all of them', () => {
    const doc = excerpt();
    doc.frontMatter.heading = { number: '1', title: '引言' };
    expect(codes(doc)).toEqual(
      expect.arrayContaining(['table.missing @ ', 'sequence.letter @ 2/20', 'sequence.number @ 2/20', 'workProgramme.missing @ 2/20']),
    );
  });
});
