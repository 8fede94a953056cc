/**
 * The diff at the sizes of issue 12, on inputs generated here: one paragraph of 20,000 or
 * 100,000 characters, a list of 12,000 items, 10,000 Questions under one heading, a paragraph
 * of 2 MB on one line. Each once filled an n×m table (gigabytes), took minutes or overflowed
 * the stack; each must now give the exact, fine-grained result. No time is asserted: the
 * generous timeouts only stop a run that has gone back to quadratic.
 */
import { describe, expect, it } from 'vitest';
import { diffEditions, renderJson, renderMarkdown, renderTerminal } from '../../src/diff/index.js';
import { renderDocxRedline } from '../../src/diff/render-docx.js';
import type { WordOp } from '../../src/diff/words.js';
import type { ListItem, QuestionsDocument } from '../../src/model/document.js';
import { sampleModel } from '../helpers/sample-model.js';

const SCALE_TIMEOUT = 120_000;

/** A reproducible stream of CJK characters (a linear congruential generator). */
function cjk(length: number, seed: number): string {
  const chars = [...'城市数字孪生网络安全隐私数据平台服务应用标准研究协作互操作物联网智慧社区架构协议质量体验'];
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += chars[state % chars.length];
  }
  return out;
}

/** The sample model with the motivation section of its first Question holding only `blocks`. */
function withMotivation(blocks: QuestionsDocument['questions'][number]['sections'][number]['blocks']): QuestionsDocument {
  const doc = sampleModel();
  const section = doc.questions[0]?.sections[0];
  if (section?.role !== 'motivation') throw new Error('sample model changed');
  section.blocks = blocks;
  return doc;
}

const paragraph = (text: string) => withMotivation([{ type: 'paragraph', content: [{ type: 'text', value: text }] }]);
const list = (texts: readonly string[]) =>
  withMotivation([{ type: 'list', items: texts.map((text): ListItem => ({ content: [{ type: 'text', value: text }], children: [] })) }]);

/** The texts a word diff spells on each side. */
function sides(words: readonly WordOp[]): { old: string; neu: string } {
  return {
    old: words.flatMap((w) => (w.op === 'insert' ? [] : [w.text])).join(''),
    neu: words.flatMap((w) => (w.op === 'delete' ? [] : [w.text])).join(''),
  };
}

const edits = (words: readonly WordOp[]) => words.filter((w) => w.op !== 'equal').length;

describe('one long paragraph', () => {
  it(
    '20,000 and 40,000 characters changed at both ends: two small edits',
    () => {
      for (const length of [20_000, 40_000]) {
        const old = cjk(length, length);
        const neu = `新${old.slice(1, -1)}旧`;
        const [change, ...rest] = diffEditions(paragraph(old), paragraph(neu)).changes;
        expect(rest).toEqual([]);
        expect(change?.kind).toBe('changed');
        expect(sides(change?.words ?? [])).toEqual({ old, neu });
        expect(edits(change?.words ?? [])).toBe(4);
      }
    },
    SCALE_TIMEOUT,
  );

  it(
    '100,000 characters with 50 small edits: each edit found, not the whole paragraph replaced',
    () => {
      const old = cjk(100_000, 7);
      let neu = old;
      for (let k = 0; k < 50; k++) {
        const at = 1_000 + k * 1_900;
        neu = `${neu.slice(0, at)}〇〇${neu.slice(at + 3)}`;
      }
      const [change, ...rest] = diffEditions(paragraph(old), paragraph(neu)).changes;
      expect(rest).toEqual([]);
      expect(sides(change?.words ?? [])).toEqual({ old, neu });
      const words = change?.words ?? [];
      expect(edits(words)).toBeGreaterThanOrEqual(50);
      expect(edits(words)).toBeLessThanOrEqual(100);
    },
    SCALE_TIMEOUT,
  );

  it(
    'two unrelated paragraphs of 20,000 characters: beyond the bound, a coarse and exact replacement',
    () => {
      const old = cjk(20_000, 1);
      const neu = cjk(20_000, 2);
      const changes = diffEditions(paragraph(old), paragraph(neu)).changes;
      const spelt = changes.map((change) => (change.words ? sides(change.words) : { old: change.old ?? '', neu: change.new ?? '' }));
      expect(spelt.map((side) => side.old).join('')).toBe(old);
      expect(spelt.map((side) => side.neu).join('')).toBe(neu);
    },
    SCALE_TIMEOUT,
  );

  it(
    '2 MB on one line, one word changed: one change, rendered in every format (no stack overflow)',
    () => {
      const words = ['lorem', 'ipsum', 'dolor', 'network', 'city', 'data'];
      const old = Array.from({ length: 350_000 }, (_, i) => words[(i * 7919) % words.length]).join(' ');
      const neu = old.replace('city', 'town');
      const diff = diffEditions(paragraph(old), paragraph(neu));
      expect(diff.changes.map((change) => change.kind)).toEqual(['changed']);
      expect(diff.changes[0]?.words?.filter((w) => w.op !== 'equal')).toEqual([
        { op: 'delete', text: 'city' },
        { op: 'insert', text: 'town' },
      ]);
      expect(renderTerminal(diff, { color: false })).toContain('[-city-]{+town+}');
      expect(renderJson(diff).length).toBeGreaterThan(old.length);
      expect(renderMarkdown(diff)).toContain('<del>city</del>');
      expect(diffEditions(paragraph(old), paragraph(old)).changes).toEqual([]);
    },
    SCALE_TIMEOUT,
  );
});

describe('long sequences', () => {
  const items = Array.from({ length: 12_000 }, (_, i) => `物联网及智慧城市第${i}项用例${cjk(8, i)}`);

  it(
    'a list of 12,000 items with one inserted and ten changed: exactly those changes',
    () => {
      const neu = items.map((text, i) => (i % 1_200 === 7 ? `${text}新` : text));
      neu.splice(6_000, 0, '新增的研究项目');
      const changes = diffEditions(list(items), list(neu)).changes.map((change) => `${change.kind} ${change.path}`);
      const prefix = 'questions[1/20].sections.motivation.items';
      const changed = Array.from({ length: 10 }, (_, k) => k * 1_200 + 7).map((i) => `changed ${prefix}[${i < 6_000 ? i : i + 1}]`);
      expect(changes.sort()).toEqual([`added ${prefix}[6000]`, ...changed].sort());
    },
    SCALE_TIMEOUT,
  );

  it(
    'a list of 12,000 items, every one changed: each paired with its own new text',
    () => {
      const neu = items.map((text) => `${text}。`);
      const changes = diffEditions(list(items), list(neu)).changes;
      expect(changes).toHaveLength(12_000);
      expect(changes.every((change) => change.kind === 'changed')).toBe(true);
      expect(changes[11_999]?.path).toBe('questions[1/20].sections.motivation.items[11999]');
    },
    SCALE_TIMEOUT,
  );

  it(
    '10,000 Questions under one heading, against themselves: no change',
    () => {
      // Headings alone, as a text of 10,000 repeated heading lines reads: the pairing is what was quadratic.
      const doc = sampleModel();
      const first = doc.questions[0];
      if (!first) throw new Error('sample model changed');
      doc.questions = Array.from({ length: 10_000 }, () => ({ ...first, sections: [] }));
      expect(diffEditions(doc, structuredClone(doc)).changes).toEqual([]);
      // One of them retitled: one change, wherever the many equal ones pair.
      const neu = structuredClone(doc);
      (neu.questions[5_000] as { title: string }).title = '完全不同的新课题';
      expect(diffEditions(doc, neu).changes.length).toBeGreaterThan(0);
    },
    SCALE_TIMEOUT,
  );
});

describe('deep nesting', () => {
  /** One item holding one child, `depth` levels down to `leaf`: a JSON input can nest so. */
  function nested(depth: number, leaf: string): ListItem {
    let item: ListItem = { content: [{ type: 'text', value: leaf }], children: [] };
    for (let level = depth - 1; level >= 0; level--) item = { content: [{ type: 'text', value: `第${level}层` }], children: [item] };
    return item;
  }
  const deep = (leaf: string) => withMotivation([{ type: 'list', items: [nested(5_000, leaf)] }]);

  it(
    'a list nested 5,000 levels: compared, rendered and redlined without overflowing the stack',
    async () => {
      const diff = diffEditions(deep('旧的叶子'), deep('旧的叶子变了'));
      expect(diff.changes.map((change) => change.path.split('.children').length - 1)).toEqual([5_000]);
      const added = diffEditions(withMotivation([]), deep('叶子'));
      expect(added.changes.map((change) => change.kind)).toEqual(['added']);
      // Indentation stops deepening at MAX_OUTLINE_DEPTH: the report grows with the text, not its square.
      const terminal = renderTerminal(added, { color: false });
      expect(terminal.length).toBeLessThan(5_001 * 300);
      expect(renderMarkdown(added)).toContain('第4999层');
      expect((await renderDocxRedline(diff, deep('旧的叶子'), deep('旧的叶子变了'))).value.length).toBeGreaterThan(0);
    },
    SCALE_TIMEOUT,
  );
});
