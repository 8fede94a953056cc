import type { Inline, QuestionsDocument } from '../../src/model/document.js';

/**
 * A small, valid Questions document in Chinese, built by hand for the tests of every writer
 * and of the readers of renditions (Markdown, JSON). It has what the real texts have, once each:
 * Table 1 with two rows, a Question with and one without a continuation note, an empty
 * section, a footnote, a nested list, relationship groups holding codes (and one without),
 * and a work-programme paragraph with a URL. Its `values` and `workProgrammeUrl` are what
 * `relationshipValues` and `questionWorkProgrammeUrl` derive from the text.
 *
 * Each call returns a fresh copy, so a test may change it.
 */
export function sampleModel(): QuestionsDocument {
  return {
    schemaVersion: 1,
    metadata: {
      language: 'zh',
      source: {
        fileName: 'sample.txt',
        format: 'text',
        sha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        encoding: 'utf-8',
        lineEndings: 'lf',
      },
      documentReference: 'SAMPLE.DOCX',
      footer: { path: 'L:\\SAMPLE.DOCX', dates: ['27.01.21', '25.11.19'] },
      images: ['image1.png'],
    },
    frontMatter: {
      heading: { number: '1', title: '引言' },
      blocks: [
        para('本文件载有第20研究组的课题。'),
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
              currentTitle: '垂直行业的需求',
              status: '新课题',
              previousNumber: '',
              previousTitle: '',
            },
          ],
        },
      ],
    },
    questionsHeading: { number: '2', title: '课题的措辞' },
    questions: [
      {
        letter: 'A',
        number: '1/20',
        studyGroup: 20,
        title: '物联网的互操作性',
        continuation: '第1/20号课题的继续',
        sections: [
          {
            number: 'A.1',
            heading: '目的',
            role: 'motivation',
            blocks: [
              {
                type: 'paragraph',
                content: [text('对安全、隐私'), { type: 'footnoteReference', id: '1' }, text('的影响可能会阻碍其总体市场发展。')],
              },
            ],
          },
          {
            number: 'A.2',
            heading: '课题',
            role: 'question',
            blocks: [
              para('研究项目包括，但不限于：'),
              {
                type: 'list',
                items: [
                  {
                    content: [text('需要开展哪些新的工作？')],
                    children: [
                      { content: [text('物联网应用和服务的用例；')], children: [] },
                      { content: [text('需求和架构。')], children: [] },
                    ],
                  },
                  { content: [text('如何提供数据互操作性？')], children: [] },
                ],
              },
            ],
          },
          { number: 'A.3', heading: '任务', role: 'tasks', blocks: [] },
          {
            number: 'A.4',
            heading: '关系',
            role: 'relationships',
            blocks: [
              {
                type: 'relationshipGroup',
                label: 'WSIS行动方面',
                role: 'wsis',
                items: ['C2、C3、C5'],
                values: { kind: 'wsis', actionLines: ['C2', 'C3', 'C5'] },
              },
              {
                type: 'relationshipGroup',
                label: '可持续发展目标',
                role: 'sdgs',
                items: ['9、10 和 11'],
                values: { kind: 'sdgs', goals: [9, 10, 11] },
              },
              {
                type: 'relationshipGroup',
                label: '建议书',
                role: 'recommendations',
                items: ['Y.4000系列 包括Y.4100/Y.2066、F.748.0'],
                values: {
                  kind: 'recommendations',
                  recommendations: [{ identifiers: ['Y.4000'], series: true }, { identifiers: ['Y.4100', 'Y.2066'] }, { identifiers: ['F.748.0'] }],
                },
              },
              {
                type: 'relationshipGroup',
                label: '其它机构',
                role: 'bodies',
                items: ['3GPP', 'ISO/IEC JTC 1/SC 41'],
              },
            ],
          },
        ],
      },
      {
        letter: 'B',
        number: '2/20',
        studyGroup: 20,
        title: '垂直行业的需求',
        sections: [
          { number: 'B.1', heading: '目的', role: 'motivation', blocks: [para('随着物联网服务和应用的不断增多。')] },
          {
            number: 'B.3',
            heading: '任务',
            role: 'tasks',
            blocks: [para('此课题的最新工作状况见第20研究组的工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=2/20）')],
          },
          {
            number: 'B.4',
            heading: '关系',
            role: 'relationships',
            blocks: [
              {
                type: 'relationshipGroup',
                label: '课题',
                role: 'questions',
                items: ['第1/20号课题'],
                values: { kind: 'questions', questions: ['1/20'] },
              },
            ],
          },
        ],
        workProgrammeUrl: 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=2/20',
      },
    ],
    footnotes: [{ id: '1', text: '根据WTSA第2号决议（2016年，哈马马特）' }],
  };
}

function text(value: string): Inline {
  return { type: 'text', value };
}

function para(value: string): { type: 'paragraph'; content: Inline[] } {
  return { type: 'paragraph', content: [text(value)] };
}
