import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/model/document.js';
import { languageTable } from '../../src/model/languages.js';
import { findUrls, questionWorkProgrammeUrl, workProgrammeUrl } from '../../src/model/work-programme.js';

const zh = languageTable('zh');
const text = (value: string) => [{ type: 'text' as const, value }];

describe('findUrls', () => {
  it('a URL ends before full-width punctuation, brackets, whitespace and sentence punctuation', () => {
    expect(findUrls('见工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）。')).toEqual([
      { url: 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20', index: 6 },
    ]);
    expect(findUrls('see (http://a.org/x_y) and https://b.org/z.').map((f) => f.url)).toEqual(['http://a.org/x_y', 'https://b.org/z']);
    expect(findUrls('a http://a.org/一 b').map((f) => f.url)).toEqual(['http://a.org/一']);
  });

  it('a URL ends before a pipe, which is no URL character (RFC 3986) and splits a Markdown table cell', () => {
    expect(findUrls('https://a.org/x|y').map((f) => f.url)).toEqual(['https://a.org/x']);
  });

  it('no URL: none found', () => {
    expect(findUrls('www.itu.int, ftp://x, https:// and https://）')).toEqual([]);
  });
});

describe('work-programme URL', () => {
  it('only in a paragraph that points to the work programme', () => {
    const url = 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20';
    expect(workProgrammeUrl(text(`按照本课题开展的工作的最新情况见第20研究组工作计划（${url}）。`), zh)).toBe(url);
    expect(workProgrammeUrl(text(`参见（${url}）。`), zh)).toBeUndefined();
  });

  it('of a Question: the first one in its sections', () => {
    const sections: Section[] = [
      { number: 'A.1', heading: '目的', role: 'motivation', blocks: [{ type: 'paragraph', content: text('见 https://x.org/other') }] },
      {
        number: 'A.3',
        heading: '任务',
        role: 'tasks',
        blocks: [
          { type: 'paragraph', content: text('工作计划（https://x.org/1）') },
          { type: 'paragraph', content: text('工作计划（https://x.org/2）') },
        ],
      },
    ];
    expect(questionWorkProgrammeUrl(sections, zh)).toBe('https://x.org/1');
    expect(questionWorkProgrammeUrl([], zh)).toBeUndefined();
  });
});
