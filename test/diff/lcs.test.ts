/**
 * The LCS and the alignment of sequences: an inserted element is one insertion, not a cascade;
 * similar elements pair as changed; equal elements that changed place pair as moved.
 */
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import { align, editScript, steps } from '../../src/diff/lcs.js';
import type { ListItem, QuestionsDocument } from '../../src/model/document.js';
import { sampleModel } from '../helpers/sample-model.js';

describe('editScript', () => {
  it('is the shortest script, deletions before insertions', () => {
    expect(editScript([...'abcd'], [...'axcd'])).toEqual([
      { op: 'equal', a: 0, b: 0 },
      { op: 'delete', a: 1 },
      { op: 'insert', b: 1 },
      { op: 'equal', a: 2, b: 2 },
      { op: 'equal', a: 3, b: 3 },
    ]);
  });

  it('handles empty sides', () => {
    expect(editScript([], ['x'])).toEqual([{ op: 'insert', b: 0 }]);
    expect(editScript(['x'], [])).toEqual([{ op: 'delete', a: 0 }]);
    expect(editScript([], [])).toEqual([]);
  });
});

describe('align', () => {
  const key = (text: string) => text;

  it('one element inserted in the middle of ten is one addition', () => {
    const old = Array.from({ length: 10 }, (_, i) => `item ${i}`);
    const neu = [...old.slice(0, 5), 'new item', ...old.slice(5)];
    const result = steps(old.length, neu.length, align(old, neu, { key }));
    expect(result.filter((step) => step.op !== 'pair')).toEqual([{ op: 'added', new: 5 }]);
  });

  it('places a removed element where it stood, with the count of new elements before it', () => {
    const result = steps(3, 2, align(['a', 'b', 'c'], ['a', 'c'], { key }));
    expect(result).toEqual([
      { op: 'pair', old: 0, new: 0, moved: false },
      { op: 'removed', old: 1, at: 1 },
      { op: 'pair', old: 2, new: 1, moved: false },
    ]);
  });

  it('pairs similar elements in a gap, leaves dissimilar ones apart', () => {
    const similarity = (a: string, b: string) => (a[0] === b[0] ? 0.9 : 0);
    const pairing = align(['a1', 'x', 'b1', 'z'], ['a1', 'x2', 'y', 'z'], { key, similarity, threshold: 0.6 });
    expect(pairing.pairs).toEqual([
      [0, 0],
      [1, 1],
      [3, 3],
    ]);
  });

  it('pairs an equal element that changed place as moved', () => {
    const pairing = align(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'], { key, moves: true });
    expect([...pairing.moved]).toEqual([3]);
    expect(steps(4, 4, pairing).map((step) => step.op)).toEqual(['pair', 'pair', 'pair', 'pair']);
  });
});

describe('list items of a model', () => {
  function withItems(items: string[]): QuestionsDocument {
    const doc = sampleModel();
    const section = doc.questions[0]?.sections[2];
    if (!section) throw new Error('sample model changed');
    section.blocks = [{ type: 'list', items: items.map((text): ListItem => ({ content: [{ type: 'text', value: text }], children: [] })) }];
    return doc;
  }
  const TEN = ['制定建议书', '研究用例', '研究需求', '研究架构', '研究协议', '制定导则', '开展协作', '评估性能', '维护术语', '报告进展'];

  it('an item inserted in the middle of 10 is exactly 1 added', () => {
    const neu = [...TEN.slice(0, 5), '研究城市数字孪生', ...TEN.slice(5)];
    const diff = diffEditions(withItems(TEN), withItems(neu));
    expect(diff.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['added questions[1/20].sections.tasks.items[5]']);
  });

  it('an item removed from the middle of 10 is exactly 1 removed, at its old index', () => {
    const diff = diffEditions(withItems(TEN), withItems(TEN.filter((_, i) => i !== 3)));
    expect(diff.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['removed questions[1/20].sections.tasks.items[3]']);
    expect(diff.changes[0]?.at).toBe(3);
  });

  it('an item changed a little is changed with its words; one changed a lot is removed and added', () => {
    const little = TEN.map((text, i) => (i === 2 ? '研究新的需求' : text));
    expect(diffEditions(withItems(TEN), withItems(little)).changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'changed questions[1/20].sections.tasks.items[2]',
    ]);
    const lot = TEN.map((text, i) => (i === 2 ? '与其它机构联络' : text));
    expect(diffEditions(withItems(TEN), withItems(lot)).changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'removed questions[1/20].sections.tasks.items[2]',
      'added questions[1/20].sections.tasks.items[2]',
    ]);
  });

  it('an item moved to the end is one move', () => {
    const moved = [...TEN.slice(1), TEN[0] as string];
    const diff = diffEditions(withItems(TEN), withItems(moved));
    expect(diff.changes.map((c) => `${c.kind} ${c.path} ${c.from ?? ''}`)).toEqual([
      'moved questions[1/20].sections.tasks.items[9] questions[1/20].sections.tasks.items[0]',
    ]);
  });

  it('items split into two lists are the same items', () => {
    const one = withItems(TEN);
    const two = withItems(TEN);
    const section = two.questions[0]?.sections[2];
    const list = section?.blocks[0];
    if (!section || list?.type !== 'list') throw new Error('sample model changed');
    section.blocks = [
      { type: 'list', items: list.items.slice(0, 4) },
      { type: 'list', items: list.items.slice(4) },
    ];
    expect(diffEditions(one, two).changes).toEqual([]);
  });
});
