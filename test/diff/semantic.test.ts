/**
 * The semantic clean-up of the word diff (src/diff/semantic.ts): diff-match-patch's two steps
 * over tokens, and the CJK phrase-edge rule; codes stay whole, and the runs still spell both texts.
 */
import { describe, expect, it } from 'vitest';
import { textTokens, wordDiff, type WordOp } from '../../src/diff/words.js';
import { textContent } from '../../src/model/inline.js';

const diff = (a: string, b: string, language = 'zh') => wordDiff(textTokens(textContent(a), language), textTokens(textContent(b), language));
const marked = (ops: readonly WordOp[] | undefined) =>
  (ops ?? []).map(({ op, text }) => (op === 'equal' ? text : op === 'delete' ? `[-${text}-]` : `{+${text}+}`)).join('');

describe('cleanupSemantic', () => {
  it('reads 架构 → 体系结构 as one replacement, at the edge of its phrase', () => {
    expect(marked(diff('社区的架构、协议', '社区的体系结构、协议'))).toBe('社区的[-架构-]{+体系结构+}、协议');
    expect(marked(diff('第20研究组', '第20工作组'))).toBe('第20[-研究组-]{+工作组+}');
  });

  it('merges an equality no longer than the edits on both sides (step 1)', () => {
    expect(marked(diff('增长迅速地发展', '增长很速快发展'))).toBe('增长[-迅速地-]{+很速快+}发展');
    expect(marked(diff('foo x baz', 'bar x qux', 'en'))).toBe('[-foo x baz-]{+bar x qux+}');
    expect(marked(diff('alpha beta gamma', 'delta beta epsilon', 'en'))).toBe('[-alpha-]{+delta+} beta [-gamma-]{+epsilon+}');
  });

  it('keeps an equality longer than an edit beside it', () => {
    expect(marked(diff('世界城市人口增长迅速，预计', '世界城市人口增长很快，预计'))).toBe('世界城市人口增长[-迅速-]{+很快+}，预计');
    expect(marked(diff('connected IoT devices', 'connected smart devices', 'en'))).toBe('connected [-IoT-]{+smart+} devices');
  });

  it('leaves a pure insertion or deletion alone, inside a phrase too', () => {
    expect(marked(diff('任务包括', '任务主要包括'))).toBe('任务{+主要+}包括');
    expect(marked(diff('11', '11 和 12'))).toBe('11{+ 和 12+}');
  });

  it('keeps codes and Latin words whole', () => {
    expect(marked(diff('见Y.4100建议书', '见Y.4101建议书'))).toBe('见[-Y.4100-]{+Y.4101+}建议书');
    expect(marked(diff('ITU-T SG20', 'ITU-D SG20', 'en'))).toBe('[-ITU-T-]{+ITU-D+} SG20');
  });

  it('spells both texts: deletions and equalities the old one, equalities and insertions the new one', () => {
    const pairs: [string, string][] = [
      ['物联网及智慧城市和社区的架构、协议和服务质量', '物联网及智慧城市和社区的体系结构、协议和服务质量'],
      ['abcxxx', 'xxxdef'],
      ['智慧城市', '智能城市'],
      ['A.1 目的：研究 IoT 的架构', 'A.1 目的：研究 IoT 和 AI 的体系结构'],
    ];
    for (const [a, b] of pairs) {
      const ops = diff(a, b) ?? [];
      expect(
        ops
          .filter((op) => op.op !== 'insert')
          .map((op) => op.text)
          .join(''),
      ).toBe(a);
      expect(
        ops
          .filter((op) => op.op !== 'delete')
          .map((op) => op.text)
          .join(''),
      ).toBe(b);
    }
  });
});
