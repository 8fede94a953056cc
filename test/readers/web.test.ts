import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Question, QuestionsDocument, SectionRole } from '../../src/model/document.js';
import { plainText } from '../../src/model/inline.js';
import { schemaError } from '../../src/model/schema.js';
import { readText } from '../../src/readers/text/index.js';
import { REAL, REAL_PAGES, REAL_PRESENT } from '../helpers/real-pages.js';

/**
 * Six Question texts copied from ITU's web pages (../shared/real/, see its README.md), with
 * the facts read in them by hand. They live beside the repository: the tests skip without them.
 */
const PRESENT = REAL_PRESENT;

function read(name: string): { doc: QuestionsDocument; codes: string[] } {
  const read = readText(readFileSync(`${REAL}${name}`), name);
  return { doc: read.value, codes: read.warnings.map((w) => w.code) };
}

const firstWords = (block: Block | undefined): string => {
  if (!block) return '';
  if (block.type === 'paragraph') return plainText(block.content);
  if (block.type === 'list') return plainText(block.items[0]?.content ?? []);
  return block.label;
};

/** Each section: its role, its heading as written, and the start of its first block, as expected. */
function expectOutline(question: Question, expected: [SectionRole, string, string][]): void {
  const outline = question.sections.map((s, i) => {
    const first = firstWords(s.blocks[0]);
    const prefix = expected[i]?.[2] ?? '';
    return [s.role, s.heading, first.startsWith(prefix) ? prefix : first];
  });
  expect(outline).toEqual(expected);
}

const missing = (codes: string[]) => codes.filter((code) => code === 'section.missing').length;

/** Every phrase of the pages' furniture that must not reach the model. */
const FURNITURE = [
  'Committed to connecting',
  'Print Version',
  'Home :',
  'Advanced Search',
  'Site Map',
  'ITU Home Page',
  'Русский',
  '中文',
  'International Telecommunication Union',
];

describe.skipIf(!PRESENT)(`real Question texts from the web${PRESENT ? '' : ' (skipped: ../shared/real is absent)'}`, () => {
  it.each(REAL_PAGES)('%s: one English Question, no furniture, a model the schema accepts', (name) => {
    const { doc } = read(name);
    expect(doc.questions).toHaveLength(1);
    expect(doc.metadata.language).toBe('en');
    const json = JSON.stringify(doc);
    for (const phrase of FURNITURE) expect(json).not.toContain(phrase);
    expect(schemaError(doc)).toBeUndefined();
  });

  it('sg20 Q7: heading over two lines, no section headings, lead-ins, labels run together', () => {
    const { doc, codes } = read('sg20-q7-en-2017-2020-itu-web.txt');
    const [q] = doc.questions as [Question];
    expect([q.letter, q.number, q.studyGroup]).toEqual(['', '7/20', 20]);
    expect(q.title).toBe('Evaluation and assessment of Smart Sustainable Cities and Communities');
    expect(q.continuation).toBe('Continuation of Question 7/20');
    expectOutline(q, [
      ['motivation', '', 'Comprehensive strategies to implement sma'],
      ['question', '', 'Study items to be considered include, but'],
      ['tasks', 'Tasks', 'Tasks include, but are not limited to:'],
      ['relationships', '', 'WSIS Action Lines'],
    ]);
    const groups = q.sections[3]?.blocks.map((b) => (b.type === 'relationshipGroup' ? [b.role, b.items.length] : b.type));
    expect(groups).toEqual([
      ['wsis', 0],
      ['sdgs', 0],
      ['recommendations', 0],
      ['questions', 0],
      ['studyGroups', 0],
      ['bodies', 0],
    ]);
    expect(codes).toContain('noise.furniture');
    expect(missing(codes)).toBe(0);
  });

  it('sg12 Q12: page title and en-dash heading, bullets, cut off in the tasks', () => {
    const { doc, codes } = read('sg12-q12-en-2013-2016-itu-web.txt');
    const [q] = doc.questions as [Question];
    expect([q.number, q.studyGroup, q.title]).toEqual(['12/12', 12, 'Operational aspects of telecommunication network service quality']);
    expect(q.continuation).toBe('Continuation of Question 12/12');
    expectOutline(q, [
      ['motivation', '', 'It is essential to specify network servic'],
      ['question', '', 'Study items to be considered include, but'],
      ['tasks', '', 'Tasks include, but are not limited to Rec'],
    ]);
    const list = q.sections[1]?.blocks[1];
    expect(list?.type === 'list' ? list.items.map((i) => plainText(i.content).slice(0, 20)) : list).toEqual([
      'How can existing Rec',
      'What new or revised ',
    ]);
    expect(codes.filter((c) => c === 'noise.furniture')).toHaveLength(2);
    expect(missing(codes)).toBe(1);
  });

  it('sg16 Q20: old furniture, unnumbered "Study items", lead-in for the tasks, cut off', () => {
    const { doc, codes } = read('sg16-q20-en-2009-2012-itu-web.txt');
    const [q] = doc.questions as [Question];
    expect([q.number, q.studyGroup, q.title]).toEqual(['20/16', 16, 'Multimedia coordination']);
    expect(q.continuation).toBe('Continuation of Question 20/16 - Mediacom');
    expectOutline(q, [
      ['motivation', '', 'In past study periods, ITU-T SG 16 promot'],
      ['question', 'Study items', 'Study items to be considered include, but'],
      ['tasks', '', 'Tasks include, but are not limited to:'],
    ]);
    expect(codes.filter((c) => c === 'noise.furniture')).toHaveLength(4);
    expect(missing(codes)).toBe(1);
  });

  it('sg15 Q19: hyphen before the title, "Background and justification", (a) items, cut off', () => {
    const { doc, codes } = read('sg15-q19-en-2001-2004-itu-web.txt');
    const [q] = doc.questions as [Question];
    expect([q.number, q.studyGroup, q.title]).toEqual(['19/15', 15, 'General characteristics of optical transport networks']);
    expect(q.continuation).toBe('Continuation of Question 20/15, Study period 2000-2003');
    expectOutline(q, [['motivation', 'Background and justification', 'In response to the tremendous increase in']]);
    const list = q.sections[0]?.blocks[2];
    expect(list?.type === 'list' ? list.items.map((i) => plainText(i.content)) : list).toEqual([
      'architecture;',
      'functional characteristics;',
      'structure and mapping aspects;',
      'management aspects; and',
      'physical layer characteristics.',
    ]);
    expect(missing(codes)).toBe(3);
  });

  it('sg13 Q2: only the title, the number left empty with a warning', () => {
    const { doc, codes } = read('sg13-q2-en-2017-2020-proxy-web.txt');
    const [q] = doc.questions as [Question];
    expect([q.letter, q.number, q.studyGroup]).toEqual(['', '', 0]);
    expect(q.title).toBe(
      'Next-generation network (NGN) evolution with innovative technologies including software-defined networking (SDN) and network function virtualization (NFV)',
    );
    expect(q.continuation).toBe('Continuation of Question 2/13');
    expectOutline(q, [
      ['motivation', 'Motivation', 'With the ever increasing number of servic'],
      ['question', 'Question', 'The Question'],
    ]);
    expect(codes).toContain('question.numberMissing');
    expect(missing(codes)).toBe(2);
  });

  it('ITU-D Q9-3/2: numbered sections read as "other", with a warning', () => {
    const { doc, codes } = read('itud-sg2-q9-3-en-2010-itu-web.txt');
    const [q] = doc.questions as [Question];
    expect([q.number, q.studyGroup]).toEqual(['9-3/2', 2]);
    expect(q.title).toBe(
      'Identification of study topics in the ITU-T and ITU-R study groups which are of particular interest to developing countries',
    );
    expect(q.continuation).toBeUndefined();
    expect(q.sections.map((s) => [s.number, s.heading, s.role])).toEqual([
      ['1', 'Statement of the situation', 'other'],
      ['2', 'Question for study', 'other'],
      ['3', 'Expected output', 'other'],
      ['4', 'Timing', 'other'],
      ['5', 'Proposers', 'other'],
      ['6', 'Sources of input', 'other'],
    ]);
    expect(firstWords(q.sections[0]?.blocks[0]).slice(0, 30)).toBe('The ITU-T and ITU-R study grou');
    const sources = q.sections[5]?.blocks[0];
    expect(sources?.type === 'list' ? sources.items.length : sources).toBe(3);
    expect(codes).toContain('question.itud');
  });
});

/** The layouts of web pages, each in a small text of its own (readText, as `tsag build` reads a .txt). */
describe('web layouts', () => {
  const readLines = (lines: readonly string[]) => readText(new TextEncoder().encode(`${lines.join('\n')}\n`), 'page.txt');
  const BODY = ['Motivation', 'Why.', 'Question', 'Study items include:', 'Tasks', 'Tasks include:', 'Relationships', 'Recommendations:'];

  it.each([
    ['letter and spaces', ['A Question 7/20 – Title'], 'A'],
    ['letter and a TAB, no dash', ['B\tQuestion 7/20 Title'], 'B'],
    ['no letter, en dash', ['Question 7/20 – Title'], ''],
    ['a hyphen', ['Question 7/20 - Title'], ''],
    ['no dash', ['Question 7/20 Title'], ''],
    ['an en dash touching the title', ['Question 7/20–Title'], ''],
    ['over two lines', ['Question 7/20', 'Title'], ''],
    ['a page title above the heading', ['Question 7/20', 'Question 7/20 – Title'], ''],
  ])('a Question heading with %s', (_name, heading, letter) => {
    const read = readLines([
      'Committed to connecting the world',
      'Home / ITU-T / Study Groups',
      ...heading,
      '(Continuation of Question 7/20)',
      ...BODY,
    ]);
    const [q] = read.value.questions as [Question];
    expect([q.letter, q.number, q.studyGroup, q.title, q.continuation]).toEqual([letter, '7/20', 20, 'Title', 'Continuation of Question 7/20']);
    expect(q.sections.map((s) => s.role)).toEqual(['motivation', 'question', 'tasks', 'relationships']);
    expect(read.warnings.map((w) => w.code)).not.toContain('section.missing');
  });

  it('drops the page header above the heading whatever its words; keeps a sentence there', () => {
    const header = ['Skip Ribbon Commands', 'Turn off Animations', 'ITU-T Study Group 17 (Study Period 2022)'];
    const sentence = 'This page gives the text of the Question as approved by the study group in its first meeting.';
    const read = readLines([...header, sentence, 'Question 1/17 - Security standardization', ...BODY]);
    expect(read.value.questions.map((q) => [q.number, q.title])).toEqual([['1/17', 'Security standardization']]);
    expect(read.value.frontMatter.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', value: sentence }] }]);
    const dropped = read.warnings.filter((w) => w.code === 'noise.furniture').map((w) => w.where.line);
    expect(dropped).toEqual([1, 2, 3]);
  });

  it.each([
    ['numbered', ['1 Motivation', 'Why.', '2. Question', 'What.', '3) Tasks', 'Do.', 'A.4 Relationships', 'Questions:']],
    ['unnumbered, older names', ['Background and justification', 'Why.', 'Questions', 'What.', 'Tasks', 'Do.', 'Relationships', 'Questions:']],
  ])('section headings %s', (_name, body) => {
    const [q] = readLines(['Question 7/20 – Title', ...body]).value.questions as [Question];
    expect(q.sections.map((s) => [s.role, firstWords(s.blocks[0])])).toEqual([
      ['motivation', 'Why.'],
      ['question', 'What.'],
      ['tasks', 'Do.'],
      ['relationships', 'Questions'],
    ]);
  });

  it('no section headings: lead-ins and the first label start the sections, the text above is the motivation', () => {
    const lines = [
      'Question 7/20 – Title',
      'Why.',
      'Study items to be considered include, but are not limited to:',
      '• one',
      'Tasks include:',
      '– two',
    ];
    const [q] = readLines([...lines, 'WSIS Action Lines: C2, C5', 'Sustainable Development Goals: Recommendations: Y.4000']).value.questions as [
      Question,
    ];
    expect(q.sections.map((s) => [s.role, s.heading, firstWords(s.blocks[0])])).toEqual([
      ['motivation', '', 'Why.'],
      ['question', '', 'Study items to be considered include, but are not limited to:'],
      ['tasks', '', 'Tasks include:'],
      ['relationships', '', 'WSIS Action Lines'],
    ]);
    const groups = q.sections[3]?.blocks.map((b) => (b.type === 'relationshipGroup' ? [b.role, b.items] : b.type));
    expect(groups).toEqual([
      ['wsis', ['C2, C5']],
      ['sdgs', []],
      ['recommendations', ['Y.4000']],
    ]);
  });

  it.each(['–', '•', '-', '*', 'o', '1.', 'a)', '(a)', '(iv)'])('list items marked %s, indented or not', (marker) => {
    const [q] = readLines(['Question 7/20 – Title', 'Motivation', 'Why:', `${marker} one`, `    ${marker} two`]).value.questions as [Question];
    const list = q.sections[0]?.blocks[1];
    expect(list?.type === 'list' ? list.items.map((i) => plainText(i.content)) : list).toEqual(['one', 'two']);
  });

  it('a text cut off is read as far as it goes, with a warning for each missing section', () => {
    const read = readLines(['Question 7/20 – Title', 'Motivation', 'The text stops here in the mid']);
    const missingRoles = read.warnings.filter((w) => w.code === 'section.missing').map((w) => w.where.section);
    expect(missingRoles).toEqual(['7/20', '7/20', '7/20']);
    expect(firstWords(read.value.questions[0]?.sections[0]?.blocks[0])).toBe('The text stops here in the mid');
  });

  it('drops furniture lines, with a warning each, and keeps content that only mentions them', () => {
    const read = readLines([
      'International Telecommunication Union   ITU',
      'العربية  |  中文  |  English  |  Español  |  Français  |  Русский',
      'Home : ITU-T Home : Study Groups',
      'Search',
      'Question 7/20 – Title',
      'Motivation',
      'Search engines and the Home of ITU.',
      'Privacy notice | Terms of use | Accessibility',
      '© ITU 2020 All Rights Reserved',
    ]);
    expect(read.warnings.filter((w) => w.code === 'noise.furniture').map((w) => w.where.line)).toEqual([1, 2, 3, 4, 8, 9]);
    expect(JSON.stringify(read.value.frontMatter.blocks)).toBe('[]');
    expect(firstWords(read.value.questions[0]?.sections[0]?.blocks[0])).toBe('Search engines and the Home of ITU.');
  });

  it('an ITU-D Question without a revision is known by its numbered sections', () => {
    const read = readLines(['Question 1/1 Title', '1 Statement of the situation', 'Why.', '2 Question for study', 'What.']);
    const [q] = read.value.questions as [Question];
    expect(q.sections.map((s) => [s.number, s.role, firstWords(s.blocks[0])])).toEqual([
      ['1', 'other', 'Why.'],
      ['2', 'other', 'What.'],
    ]);
    expect(read.warnings.map((w) => w.code)).toContain('question.itud');
  });

  it('a bare heading followed by a section heading has no title, with a warning', () => {
    const read = readLines(['Question 7/20', 'Motivation', 'Why.']);
    expect(read.value.questions.map((q) => [q.number, q.title, q.sections[0]?.role])).toEqual([['7/20', '', 'motivation']]);
    expect(read.warnings.map((w) => w.code)).toContain('question.titleMissing');
  });

  it('reads long lines of overlapping furniture phrases and of labels in linear time', () => {
    const overlapping = Array.from({ length: 40 }, () => '© ITU All Rights Reserved').join(' ');
    const started = Date.now();
    const read = readLines(['Question 7/20 – Title', `${overlapping} x`, overlapping, 'SDGs: '.repeat(50_000)]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(read.warnings.filter((w) => w.code === 'noise.furniture').map((w) => w.where.line)).toEqual([3]);
    expect(read.value.questions[0]?.sections[1]?.blocks).toHaveLength(50_000);
  });

  it('reads a French page with the French table', () => {
    const read = readLines(['Question 7/20 – Titre', '(Suite de la Question 7/20)', 'Motif', 'Pourquoi.', 'Tâches', 'Les tâches comprennent:']);
    expect(read.value.metadata.language).toBe('fr');
    expect(read.value.questions[0]?.sections.map((s) => s.role)).toEqual(['motivation', 'tasks']);
  });
});

describe('errors that tell the truth (deliverable 4)', () => {
  const refusal = (lines: readonly string[]) => {
    try {
      readText(new TextEncoder().encode(lines.join('\n')), 'page.txt');
    } catch (error) {
      return error as { where: string; message: string; code: string };
    }
    throw new Error('expected a refusal');
  };

  it('quotes the first Question-like line and says what it lacks', () => {
    const error = refusal(['Committed to connecting the world', 'Question 12 – Operational aspects', 'Text.']);
    expect(error.where).toBe('2');
    expect(error.message).toContain('"Question 12 – Operational aspects"');
    expect(error.message).toContain('Question N/NN');
    expect(error.message).not.toMatch(/no heading of the form/u);
  });

  it('says a named Question has no heading when only a note names it', () => {
    const error = refusal(['(Continuation of Question 2/13)', 'Text.']);
    expect(error.message).toContain('Question 2/13');
    expect(error.message).not.toMatch(/no heading of the form/u);
  });

  it('still refuses a novel with the general hint', () => {
    const error = refusal(['PRIDE AND PREJUDICE', 'By Jane Austen', 'Chapter 1', 'It is a truth universally acknowledged.']);
    expect(error.code).toBe('input.notQuestions');
    expect(error.where).toBe('');
  });
});
