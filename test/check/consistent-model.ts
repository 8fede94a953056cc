import type { Block, Inline, Question, QuestionsDocument, Section } from '../../src/model/document.js';

/**
 * A small Questions document in which every check passes: Table 1 with a row per Question,
 * letters A, B and numbers 1/20, 2/20, four sections each, a footnote referenced once, and
 * work-programme links. Each test breaks one thing in a fresh copy.
 */
export function consistentModel(): QuestionsDocument {
  return {
    schemaVersion: 1,
    metadata: {
      language: 'zh',
      source: { fileName: 'small.txt', format: 'text', sha256: '0'.repeat(64), encoding: 'utf-8', lineEndings: 'lf' },
      images: [],
    },
    frontMatter: {
      heading: { number: '1', title: '引言' },
      blocks: [
        para('表1列出了获得批准的课题。'),
        {
          type: 'questionTable',
          caption: '表1 – 第20研究组有效课题和先前课题对比图',
          columns: ['新序号', '当前的课题标题', '状态', '原序号', '先前的课题标题'],
          rows: [
            {
              newNumber: '1/20',
              currentTitle: '物联网的互操作性',
              status: '第1/20号课题的继续',
              previousNumber: '1/20',
              previousTitle: '端到端连接',
            },
            {
              newNumber: '2/20',
              currentTitle: '数据分析和管理',
              status: '部分第1/20号课题及部分第2/20号课题的继续并增加了新的研究项目',
              previousNumber: '2/20',
              previousTitle: '电子服务',
            },
          ],
        },
      ],
    },
    questionsHeading: { number: '2', title: '课题的措辞' },
    questions: [
      question('A', '1/20', '物联网的互操作性', '第1/20号课题的继续'),
      question('B', '2/20', '数据分析和管理', '部分第1/20号课题及部分第2/20号课题的继续并增加了新的研究项目'),
    ],
    footnotes: [{ id: '1', text: '根据WTSA第2号决议' }],
  };
}

function question(letter: string, number: string, title: string, continuation: string): Question {
  const url = `https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=${number}`;
  const motivation: Block[] = [
    letter === 'A'
      ? { type: 'paragraph', content: [text('对安全、隐私'), { type: 'footnoteReference', id: '1' }, text('的影响。')] }
      : para('数据需要正确处理。'),
  ];
  return {
    letter,
    number,
    studyGroup: 20,
    title,
    continuation,
    sections: [
      section(`${letter}.1`, '目的', 'motivation', motivation),
      section(`${letter}.2`, '课题', 'question', [
        para('研究项目包括，但不限于：'),
        { type: 'list', items: [item('有哪些用例？'), item('需要哪些架构？')] },
      ]),
      section(`${letter}.3`, '任务', 'tasks', [
        para('任务包括但不限于：'),
        { type: 'list', items: [{ content: [text('酌情制定建议书：')], children: [item('用例；'), item('架构。')] }] },
        para(`按照本课题开展的工作的最新情况见第20研究组工作计划（${url}）。`),
      ]),
      section(`${letter}.4`, '关系', 'relationships', [
        { type: 'relationshipGroup', label: '可持续发展目标', role: 'sdgs', items: ['11'], values: { kind: 'sdgs', goals: [11] } },
        { type: 'relationshipGroup', label: '其它机构', role: 'bodies', items: ['ETSI', 'IETF'] },
      ]),
    ],
    workProgrammeUrl: url,
  };
}

function section(number: string, heading: string, role: Section['role'], blocks: Block[]): Section {
  return { number, heading, role, blocks };
}

export function text(value: string): Inline {
  return { type: 'text', value };
}

export function para(value: string): Block & { type: 'paragraph' } {
  return { type: 'paragraph', content: [text(value)] };
}

function item(value: string) {
  return { content: [text(value)], children: [] };
}
