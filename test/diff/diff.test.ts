/**
 * diffEditions on the hand-made sample model: each kind of change, at its path, once.
 */
import { describe, expect, it } from 'vitest';
import {
  DIFF_FORMATS,
  renderHtml,
  diffEditions,
  hasContentChanges,
  renderDiff,
  renderJson,
  renderMarkdown,
  renderTerminal,
} from '../../src/diff/index.js';
import type { QuestionsDocument, RelationshipGroup, Section } from '../../src/model/document.js';
import { sampleModel } from '../helpers/sample-model.js';

const listed = (old: QuestionsDocument, neu: QuestionsDocument) => diffEditions(old, neu).changes.map((change) => `${change.kind} ${change.path}`);

function section(doc: QuestionsDocument, q: number, s: number): Section {
  const found = doc.questions[q]?.sections[s];
  if (!found) throw new Error('sample model changed');
  return found;
}

function group(doc: QuestionsDocument, role: string): RelationshipGroup {
  const found = section(doc, 0, 3).blocks.find((block) => block.type === 'relationshipGroup' && block.role === role);
  if (found?.type !== 'relationshipGroup') throw new Error('sample model changed');
  return found;
}

describe('Questions', () => {
  it('a renumbered Question is found by its title, reported once, and its Table 1 row follows it', () => {
    const neu = sampleModel();
    const question = neu.questions[1];
    const table = neu.frontMatter.blocks[1];
    if (!question || table?.type !== 'questionTable' || !table.rows[1]) throw new Error('sample model changed');
    question.number = '9/20';
    table.rows[1].newNumber = '9/20';
    const diff = diffEditions(sampleModel(), neu);
    expect(diff.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'changed frontMatter.table.rows[9/20].newNumber',
      'renumbered questions[9/20]',
    ]);
    expect(diff.changes[1]).toMatchObject({ from: 'questions[2/20]', old: '2/20', new: '9/20' });
  });

  it('a Question renumbered in its heading only: its Table 1 row, still under the old number, is unchanged', () => {
    const neu = sampleModel();
    const question = neu.questions[1];
    if (!question) throw new Error('sample model changed');
    question.number = '9/20';
    expect(listed(sampleModel(), neu)).toEqual(['renumbered questions[9/20]']);
  });

  it('a Question whose number and title both changed is one removal and one addition', () => {
    const neu = sampleModel();
    const question = neu.questions[1];
    if (!question) throw new Error('sample model changed');
    question.number = '9/20';
    question.title = '安全和信任';
    expect(listed(sampleModel(), neu)).toEqual(['removed questions[2/20]', 'added questions[9/20]']);
  });

  it('a removed Question is one change, at its old place', () => {
    const neu = sampleModel();
    neu.questions.splice(0, 1);
    const diff = diffEditions(sampleModel(), neu);
    expect(diff.changes.map((change) => `${change.kind} ${change.path}`)).toEqual(['removed questions[1/20]']);
    expect(diff.changes[0]?.at).toBe(0);
    expect(diff.changes[0]?.node?.type).toBe('question');
  });

  it('letters and section numbers are numbering, not content', () => {
    const neu = sampleModel();
    for (const question of neu.questions) {
      question.letter = `Z${question.letter}`;
      for (const s of question.sections) s.number = `Z${s.number}`;
    }
    expect(listed(sampleModel(), neu)).toEqual([]);
  });

  it('the continuation note: added, removed, changed', () => {
    const neu = sampleModel();
    const [first, second] = neu.questions;
    if (!first || !second) throw new Error('sample model changed');
    delete first.continuation;
    second.continuation = '新课题';
    expect(listed(sampleModel(), neu)).toEqual(['removed questions[1/20].continuation', 'added questions[2/20].continuation']);
  });
});

describe('sections', () => {
  it('added and removed by role; a changed heading', () => {
    const neu = sampleModel();
    const question = neu.questions[1];
    if (!question) throw new Error('sample model changed');
    question.sections.splice(1, 1); // B.3 tasks
    question.sections.splice(1, 0, { number: 'B.2', heading: '课题', role: 'question', blocks: [] });
    section(neu, 0, 0).heading = '动机';
    expect(listed(sampleModel(), neu)).toEqual([
      'changed questions[1/20].sections.motivation.heading',
      'removed questions[2/20].sections.tasks',
      'added questions[2/20].sections.question',
    ]);
  });

  it('a section of role other is known by its number', () => {
    const old = sampleModel();
    const neu = sampleModel();
    for (const doc of [old, neu]) doc.questions[0]?.sections.push({ number: 'A.5', heading: '附注', role: 'other', blocks: [] });
    section(neu, 0, 4).blocks.push({ type: 'paragraph', content: [{ type: 'text', value: '新的附注。' }] });
    expect(listed(old, neu)).toEqual(['added questions[1/20].sections[A.5].paragraphs[0]']);
  });
});

describe('items and paragraphs', () => {
  it('nested children are aligned like items', () => {
    const neu = sampleModel();
    const list = section(neu, 0, 1).blocks[1];
    if (list?.type !== 'list' || !list.items[0]) throw new Error('sample model changed');
    list.items[0].children.splice(1, 0, { content: [{ type: 'text', value: '城市数字孪生。' }], children: [] });
    expect(listed(sampleModel(), neu)).toEqual(['added questions[1/20].sections.question.items[0].children[1]']);
  });

  it('a changed word in a paragraph with a footnote reference', () => {
    const neu = sampleModel();
    const paragraph = section(neu, 0, 0).blocks[0];
    if (paragraph?.type !== 'paragraph') throw new Error('sample model changed');
    paragraph.content = [
      { type: 'text', value: '对安全、隐私' },
      { type: 'footnoteReference', id: '1' },
      { type: 'text', value: '的影响可能会限制其总体市场发展。' },
    ];
    const diff = diffEditions(sampleModel(), neu);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]?.words).toEqual([
      { op: 'equal', text: '对安全、隐私[^1]的影响可能会' },
      { op: 'delete', text: '阻碍' },
      { op: 'insert', text: '限制' },
      { op: 'equal', text: '其总体市场发展。' },
    ]);
  });

  it('changes come in document order, whatever the kind of block', () => {
    const tasks = (items: string[], last: string): Section['blocks'] => [
      { type: 'paragraph', content: [{ type: 'text', value: '任务包括但不限于：' }] },
      { type: 'list', items: items.map((value) => ({ content: [{ type: 'text', value }], children: [] })) },
      { type: 'paragraph', content: [{ type: 'text', value: last }] },
    ];
    const old = sampleModel();
    const neu = sampleModel();
    section(old, 0, 2).blocks = tasks(['制定建议书', '研究用例', '研究需求', '研究架构'], '最新情况见工作计划。');
    section(neu, 0, 2).blocks = tasks(['制定建议书', '研究新用例', '研究需求', '开展协作'], '最新的情况见工作计划。');
    const removedFirst = tasks(['研究用例', '研究需求', '研究架构'], '最新情况见工作计划。');
    expect(listed(old, neu)).toEqual([
      'changed questions[1/20].sections.tasks.items[1]',
      'removed questions[1/20].sections.tasks.items[3]',
      'added questions[1/20].sections.tasks.items[3]',
      'changed questions[1/20].sections.tasks.paragraphs[1]',
    ]);
    section(neu, 0, 2).blocks = removedFirst;
    expect(listed(old, neu)).toEqual(['removed questions[1/20].sections.tasks.items[0]']);
  });

  it('the front matter: heading, paragraphs, Table 1 caption and cells', () => {
    const neu = sampleModel();
    neu.frontMatter.heading.title = '导言';
    neu.frontMatter.blocks.unshift({ type: 'paragraph', content: [{ type: 'text', value: '修订版。' }] });
    const table = neu.frontMatter.blocks[2];
    if (table?.type !== 'questionTable' || !table.rows[0]) throw new Error('sample model changed');
    table.caption = '表1 – 课题对比图';
    table.rows[0].status = '继续';
    expect(listed(sampleModel(), neu)).toEqual([
      'changed frontMatter.heading',
      'added frontMatter.paragraphs[0]',
      'changed frontMatter.table.caption',
      'changed frontMatter.table.rows[1/20].status',
    ]);
  });
});

describe('relationships', () => {
  it('codes added and removed are typed values, each once', () => {
    const neu = sampleModel();
    group(neu, 'wsis').items = ['C2、C5、C11'];
    group(neu, 'wsis').values = { kind: 'wsis', actionLines: ['C2', 'C5', 'C11'] };
    group(neu, 'recommendations').items = ['Y.4000系列 包括Y.4100/Y.2066、F.748.0、Y.4200'];
    const recommendations = group(neu, 'recommendations').values;
    if (recommendations?.kind !== 'recommendations') throw new Error('sample model changed');
    recommendations.recommendations.push({ identifiers: ['Y.4200'] });
    const diff = diffEditions(sampleModel(), neu);
    expect(diff.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'removed questions[1/20].sections.relationships.groups.wsis.values[C3]',
      'added questions[1/20].sections.relationships.groups.wsis.values[C11]',
      'added questions[1/20].sections.relationships.groups.recommendations.values[Y.4200]',
    ]);
    const terminal = renderTerminal(diff, { color: false });
    expect(terminal).toContain('[-WSIS C3-]');
    expect(terminal).toContain('{+WSIS C11+}');
    expect(terminal).toContain('{+Recommendation Y.4200+}');
  });

  it('a group without codes is compared by its items; a changed label', () => {
    const neu = sampleModel();
    group(neu, 'bodies').items.splice(1, 0, 'IETF');
    group(neu, 'bodies').label = '其他机构';
    expect(listed(sampleModel(), neu)).toEqual([
      'changed questions[1/20].sections.relationships.groups.bodies.label',
      'added questions[1/20].sections.relationships.groups.bodies.items[1]',
    ]);
  });

  it('the wording of a group changed, its values not: an item change', () => {
    const neu = sampleModel();
    group(neu, 'sdgs').items = ['9、10、11'];
    expect(listed(sampleModel(), neu)).toEqual(['changed questions[1/20].sections.relationships.groups.sdgs.items[0]']);
  });

  it('a group added, by role', () => {
    const neu = sampleModel();
    section(neu, 0, 3).blocks.push({ type: 'relationshipGroup', label: '研究组', role: 'studyGroups', items: ['ITU-T第13研究组'] });
    expect(listed(sampleModel(), neu)).toEqual(['added questions[1/20].sections.relationships.groups.studyGroups']);
  });
});

describe('footnotes', () => {
  it('a changed footnote text, by id', () => {
    const neu = sampleModel();
    if (!neu.footnotes[0]) throw new Error('sample model changed');
    neu.footnotes[0].text = '根据WTSA第2号决议（2022年，日内瓦）';
    expect(listed(sampleModel(), neu)).toEqual(['changed footnotes[1]']);
  });

  it('a footnote added before another: one addition, no cascade through the renumbered references', () => {
    const neu = sampleModel();
    neu.footnotes = [
      { id: '1', text: '见第1号决议。' },
      { id: '2', text: '根据WTSA第2号决议（2016年，哈马马特）' },
    ];
    const motivation = section(neu, 0, 0).blocks[0];
    const paragraph = neu.frontMatter.blocks[0];
    if (motivation?.type !== 'paragraph' || paragraph?.type !== 'paragraph') throw new Error('sample model changed');
    motivation.content = motivation.content.map((inline) => (inline.type === 'footnoteReference' ? { ...inline, id: '2' } : inline));
    paragraph.content = [...paragraph.content, { type: 'footnoteReference', id: '1' }];
    expect(listed(sampleModel(), neu)).toEqual(['changed frontMatter.paragraphs[0]', 'added footnotes[1]']);
  });
});

describe('renderings', () => {
  const same = diffEditions(sampleModel(), sampleModel());

  it('no changes: says so, exit status 0', () => {
    expect(hasContentChanges(same)).toBe(false);
    expect(renderTerminal(same, { color: false })).toBe('tsag diff sample.txt sample.txt\n\nNo content changes.\n');
    expect(renderMarkdown(same)).toBe('# Changes from sample.txt to sample.txt\n\nNo content changes.\n');
    expect(JSON.parse(renderJson(same))).toEqual({
      old: { fileName: 'sample.txt', format: 'text', language: 'zh' },
      new: { fileName: 'sample.txt', format: 'text', language: 'zh' },
      changes: [],
      metadata: [],
    });
  });

  it('Markdown marks words with <del> and <ins>, and escapes the text', () => {
    const neu = sampleModel();
    const paragraph = neu.frontMatter.blocks[0];
    if (paragraph?.type !== 'paragraph') throw new Error('sample model changed');
    paragraph.content = [{ type: 'text', value: '本文件载有第20研究组的*新*课题。' }];
    const markdown = renderMarkdown(diffEditions(sampleModel(), neu));
    expect(markdown).toContain('## 1 引言');
    expect(markdown).toContain('- **changed** paragraph 1: 本文件载有第20研究组的<ins>\\*新\\*</ins>课题。');
  });

  it('renderDiff dispatches on the format name the CLI takes', () => {
    expect(DIFF_FORMATS).toEqual(['terminal', 'md', 'json', 'html']);
    expect(renderDiff(same, 'terminal')).toBe(renderTerminal(same, { color: false }));
    expect(renderDiff(same, 'md')).toBe(renderMarkdown(same));
    expect(renderDiff(same, 'json')).toBe(renderJson(same));
    expect(renderDiff(same, 'html')).toBe(renderHtml(same));
  });

  it('JSON carries no in-memory hints (nodes, places), and a label for a reader', () => {
    const neu = sampleModel();
    neu.questions.pop();
    const json = JSON.parse(renderJson(diffEditions(sampleModel(), neu))) as { changes: Record<string, unknown>[] };
    expect(json.changes).toEqual([
      { kind: 'removed', target: 'question', path: 'questions[2/20]', label: 'Question 2/20 (B) – 垂直行业的需求 › Question', old: '垂直行业的需求' },
    ]);
  });
});

describe('spaces between CJK and Latin (as a PDF sets them)', () => {
  /** The sample model with its first front-matter paragraph written as `text`. */
  function withIntro(text: string): QuestionsDocument {
    const doc = sampleModel();
    const intro = doc.frontMatter.blocks[0];
    if (intro?.type !== 'paragraph') throw new Error('sample model changed');
    intro.content = [{ type: 'text', value: text }];
    return doc;
  }

  it('第 20 研究组 against 第20研究组 is no change; 第 20 against 第 21 is one', () => {
    expect(hasContentChanges(diffEditions(sampleModel(), withIntro('本文件载有第 20 研究组的课题。')))).toBe(false);
    expect(listed(sampleModel(), withIntro('本文件载有第 21 研究组的课题。'))).toEqual(['changed frontMatter.paragraphs[0]']);
  });
});
