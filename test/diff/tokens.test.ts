/**
 * The tokeniser: CJK by characters (stable across ICU builds), codes and URLs as whole words,
 * whitespace as tokens of its own, other scripts by Intl.Segmenter.
 */
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeInlines } from '../../src/diff/tokens.js';
import { similarity, textTokens, wordDiff } from '../../src/diff/words.js';
import { textContent } from '../../src/model/inline.js';

const texts = (text: string, language = 'zh') => tokenize(text, language).map((token) => token.text);

describe('tokenize', () => {
  it('cuts Han text into characters, whatever ICU would say', () => {
    expect(texts('物联网')).toEqual(['物', '联', '网']);
    expect(texts('智慧城市')).toEqual(['智', '慧', '城', '市']);
  });

  it('cuts Kana and Hangul into characters too', () => {
    expect(texts('カタカナ', 'ja')).toHaveLength(4);
    expect(texts('한국어', 'ko')).toEqual(['한', '국', '어']);
  });

  it('keeps codes whole', () => {
    expect(texts('Y.4100/Y.2066')).toEqual(['Y.4100/Y.2066']);
    expect(texts('1/20')).toEqual(['1/20']);
    expect(texts('ITU-T第20研究组')).toEqual(['ITU-T', '第', '20', '研', '究', '组']);
    expect(texts('SC&C、F.748.0和Y.Suppl.53')).toEqual(['SC&C', '、', 'F.748.0', '和', 'Y.Suppl.53']);
    expect(texts('C2、C3')).toEqual(['C2', '、', 'C3']);
  });

  it('keeps a URL whole, without the full-width bracket after it', () => {
    expect(texts('计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）。')).toEqual([
      '计',
      '划',
      '（',
      'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20',
      '）',
      '。',
    ]);
  });

  it('cuts Latin text into words, whitespace and punctuation', () => {
    expect(texts('IoT devices')).toEqual(['IoT', ' ', 'devices']);
    expect(texts('smart cities, e.g. Y.4000.')).toEqual(['smart', ' ', 'cities', ',', ' ', 'e.g', '.', ' ', 'Y.4000', '.']);
  });

  it('leaves other scripts to Intl.Segmenter, by words', () => {
    expect(texts('Интернет вещей', 'ru')).toEqual(['Интернет', ' ', 'вещей']);
    expect(texts('إنترنت الأشياء', 'ar')).toEqual(['إنترنت', ' ', 'الأشياء']);
  });

  it('gives whitespace one key, whatever its characters', () => {
    const keys = tokenize('a \t b\u3000c', 'en').map((token) => token.key);
    expect(keys).toEqual(['a', ' ', 'b', ' ', 'c']);
  });

  it('turns footnote references into tokens keyed by the footnote', () => {
    const tokens = tokenizeInlines(
      [
        { type: 'text', value: '隐私' },
        { type: 'footnoteReference', id: '2' },
      ],
      'zh',
      (id) => `n${id}`,
    );
    expect(tokens.map((token) => [token.kind, token.text])).toEqual([
      ['char', '隐'],
      ['char', '私'],
      ['footnote', '[^2]'],
    ]);
    expect(tokens[2]?.key).toContain('n2');
  });
});

describe('wordDiff', () => {
  const diff = (a: string, b: string, language = 'zh') => wordDiff(textTokens(textContent(a), language), textTokens(textContent(b), language));

  it('is undefined for equal texts, and for texts that differ only in whitespace at the edges or in kind', () => {
    expect(diff('物联网', '物联网')).toBeUndefined();
    expect(diff(' 物联网 ', '物联网')).toBeUndefined();
    expect(diff('JTC  1', 'JTC\t1')).toBeUndefined();
  });

  it('marks a changed code as one word', () => {
    expect(diff('包括Y.4100/Y.2066、Y.4113', '包括Y.4100/Y.2067、Y.4113')).toEqual([
      { op: 'equal', text: '包括' },
      { op: 'delete', text: 'Y.4100/Y.2066' },
      { op: 'insert', text: 'Y.4100/Y.2067' },
      { op: 'equal', text: '、Y.4113' },
    ]);
  });

  it('marks changed Latin words', () => {
    expect(diff('connected IoT devices', 'connected smart devices', 'en')).toEqual([
      { op: 'equal', text: 'connected ' },
      { op: 'delete', text: 'IoT' },
      { op: 'insert', text: 'smart' },
      { op: 'equal', text: ' devices' },
    ]);
  });

  it('does not shred a rewritten CJK phrase around one shared character', () => {
    expect(diff('增长迅速地发展', '增长很速快发展')).toEqual([
      { op: 'equal', text: '增长' },
      { op: 'delete', text: '迅速地' },
      { op: 'insert', text: '很速快' },
      { op: 'equal', text: '发展' },
    ]);
  });
});

describe('similarity', () => {
  const sim = (a: string, b: string) => similarity(textTokens(textContent(a), 'zh'), textTokens(textContent(b), 'zh'));

  it('is 1 for equal texts, 0 for texts without a common token', () => {
    expect(sim('物联网', '物联网')).toBe(1);
    expect(sim('IETF', 'IEEE')).toBe(0);
  });

  it('is high for a text with one word changed', () => {
    expect(sim('如何提供数据互操作性和语义互操作性？', '如何提供数据互操作性和语法互操作性？')).toBeGreaterThan(0.8);
  });
});

describe('typographic spaces between CJK and Latin', () => {
  const zh = (value: string) => textTokens([{ type: 'text', value }], 'zh');

  it('does not count a space that only separates a CJK character from a Latin letter or digit', () => {
    expect(wordDiff(zh('第 20 研究组'), zh('第20研究组'))).toBeUndefined();
    expect(wordDiff(zh('在 ITU-T 和 SDO 之间'), zh('在ITU-T和SDO之间'))).toBeUndefined();
    expect(wordDiff(zh('9、10和11'), zh('9、10 和 11'))).toBeUndefined();
  });

  it('still counts a changed number, and a space between two Latin words', () => {
    expect(wordDiff(zh('第 20 研究组'), zh('第 21 研究组'))).toBeDefined();
    expect(wordDiff(zh('第20研究组'), zh('第 21 研究组'))).toBeDefined();
    expect(wordDiff(zh('ISO/IEC JTC 1'), zh('ISO/IEC JTC1'))).toBeDefined();
    expect(wordDiff(zh('研究 组'), zh('研究组'))).toBeDefined();
  });

  it('keeps the space in the text the diff shows', () => {
    expect(
      tokenize('第 20 研究组', 'zh')
        .map((token) => token.text)
        .join(''),
    ).toBe('第 20 研究组');
    expect(tokenize('第 20 研究组', 'zh').map((token) => token.key)).toEqual(['第', '20', '研', '究', '组']);
    expect(tokenize('第 20 研究组', 'zh').map((token) => token.text)).toEqual(['第', ' 20', ' 研', '究', '组']);
  });
});
