/**
 * Edits of the sample model (test/helpers/sample-model.ts), one of each kind the diff reports,
 * for tests that need an old and a new edition: `edit(a, b)` turns two fresh sample models
 * into the old edition `a` and the new one `b`.
 */
import type { Inline, List, QuestionsDocument, RelationshipGroup } from '../../src/model/document.js';

const text = (value: string): Inline => ({ type: 'text', value });

/** The list of Question 1/20's second section (A.2). */
export function questionList(doc: QuestionsDocument): List {
  return doc.questions[0]?.sections[1]?.blocks[1] as List;
}

export function group(doc: QuestionsDocument, role: string): RelationshipGroup {
  const found = doc.questions[0]?.sections[3]?.blocks.find((b) => b.type === 'relationshipGroup' && b.role === role);
  return found as RelationshipGroup;
}

export type Edit = (a: QuestionsDocument, b: QuestionsDocument) => void;

/** One edit of each kind, on the sample model: `a` is the old edition, `b` the new one. */
export const EDITS: Record<string, Edit> = {
  'front heading renumbered and retitled': (_a, b) => {
    b.frontMatter.heading = { number: '0', title: '前言' };
  },
  'paragraph added before a list, one removed at the end of a section': (a, b) => {
    b.questions[0]!.sections[1]!.blocks.splice(1, 0, { type: 'paragraph', content: [text('新增的段落。')] });
    a.questions[1]!.sections[0]!.blocks.push({ type: 'paragraph', content: [text('删去的段落。')] });
  },
  'items swapped (a move), a child added, a whole list removed': (a, b) => {
    const items = questionList(b).items;
    items.reverse();
    items[1]!.children.push({ content: [text('新的子项。')], children: [] });
    a.questions[1]!.sections[0]!.blocks.push({ type: 'list', items: [{ content: [text('旧列表。')], children: [] }] });
  },
  'footnote added before the old one (renumbering it), and its text changed': (_a, b) => {
    b.frontMatter.blocks[0] = { type: 'paragraph', content: [text('本文件'), { type: 'footnoteReference', id: '1' }, text('载有课题。')] };
    const motivation = b.questions[0]!.sections[0]!.blocks[0]!;
    if (motivation.type === 'paragraph') motivation.content = motivation.content.map((i) => (i.type === 'footnoteReference' ? { ...i, id: '2' } : i));
    b.footnotes = [
      { id: '1', text: '新的脚注' },
      { id: '2', text: '根据WTSA第2号决议（2020年，日内瓦）' },
    ];
  },
  'footnote removed with its reference': (_a, b) => {
    const motivation = b.questions[0]!.sections[0]!.blocks[0]!;
    if (motivation.type === 'paragraph') motivation.content = [text('对安全、隐私的影响可能会阻碍其总体市场发展。')];
    b.footnotes = [];
  },
  'first Question removed (letters shift), continuation added': (_a, b) => {
    b.questions.shift();
    b.questions[0]!.letter = 'A';
    for (const s of b.questions[0]!.sections) s.number = s.number.replace('B', 'A');
    b.questions[0]!.continuation = '新课题';
  },
  'Question renumbered: its Table 1 row follows it': (_a, b) => {
    const question = b.questions[1]!;
    question.number = '3/20';
    question.workProgrammeUrl = 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=3/20';
    question.sections[1]!.blocks[0] = {
      type: 'paragraph',
      content: [text('此课题的最新工作状况见第20研究组的工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=3/20）')],
    };
    const table = b.frontMatter.blocks[1];
    if (table?.type === 'questionTable') table.rows[1]!.newNumber = '3/20';
  },
  'Question renumbered in its heading only: its Table 1 row stays as it is': (_a, b) => {
    b.questions[1]!.number = '9/20';
  },
  'section removed, section added, continuation removed': (_a, b) => {
    b.questions[0]!.sections.splice(2, 1);
    b.questions[1]!.sections.splice(1, 0, {
      number: 'B.2',
      heading: '课题',
      role: 'question',
      blocks: [{ type: 'paragraph', content: [text('研究什么？')] }],
    });
    delete b.questions[0]!.continuation;
  },
  'relationship values changed, a group item changed, a group added, two removed': (a, b) => {
    group(b, 'wsis').items = ['C2、C3'];
    group(b, 'wsis').values = { kind: 'wsis', actionLines: ['C2', 'C3'] };
    group(b, 'bodies').items = ['3GPP2', 'ISO/IEC JTC 1/SC 41'];
    b.questions[0]!.sections[3]!.blocks.splice(1, 1);
    a.questions[1]!.sections[2]!.blocks.push({ type: 'relationshipGroup', label: '研究组', role: 'studyGroups', items: ['ITU-T第13研究组'] });
    b.questions[1]!.sections[2]!.blocks.push({ type: 'relationshipGroup', label: '其它机构', role: 'bodies', items: ['oneM2M'] });
  },
  'Table 1: a row removed, a cell and a column heading changed, the caption too': (_a, b) => {
    const table = b.frontMatter.blocks[1]!;
    if (table.type !== 'questionTable') return;
    table.rows.splice(0, 1);
    table.rows[0]!.status = '新的课题';
    table.columns[1] = '课题标题';
    table.caption = '表1 – 第20研究组的课题';
  },
  'a URL changed, the footer dates changed': (_a, b) => {
    const tasks = b.questions[1]!.sections[1]!.blocks[0]!;
    if (tasks.type === 'paragraph') tasks.content = [text('此课题的最新工作状况见（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=9/20）')];
    b.metadata.footer = { path: 'L:\\SAMPLE.DOCX', dates: ['02.03.21'] };
  },
};
