/**
 * Terminal safety: control characters from the editions (an OSC that retitles the window, a
 * CSI that clears the screen, BEL, backspace, C1 controls) are shown escaped in every
 * rendering that can reach a terminal, with colour and without; the only escape sequences
 * printed are the renderer's own colours.
 */
import { describe, expect, it } from 'vitest';
import { diffEditions, renderHtml, renderJson, renderMarkdown, renderTerminal } from '../../src/diff/index.js';
import { escapeControls } from '../../src/model/printable.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { sampleModel } from '../helpers/sample-model.js';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const C1 = '\u009b31m\u009d0;x\u009c';

/** Every control character but TAB (and LF, which the renderers use to end lines). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

describe('escapeControls', () => {
  it('shows C0 controls (but TAB), DEL and C1 controls as \\xHH', () => {
    expect(escapeControls(TITLE)).toBe('\\x1b]0;pwned\\x07');
    expect(escapeControls(CLEAR)).toBe('\\x1b[2J\\x1b[H');
    expect(escapeControls('a\u0000b\u0008c\rd\ne\u007f')).toBe('a\\x00b\\x08c\\rd\\ne\\x7f');
    expect(escapeControls(C1)).toBe('\\x9b31m\\x9d0;x\\x9c');
  });

  it('leaves everything else as it is: TAB, CJK, accents, emoji, symbols', () => {
    const text = 'A.1\t目的 – café ½ 🙂 \u00a0\u00a0« »';
    expect(escapeControls(text)).toBe(text);
  });
});

describe('the renderings of a diff whose editions hold control characters', () => {
  function hostile(): { old: QuestionsDocument; neu: QuestionsDocument } {
    const old = sampleModel();
    const neu = sampleModel();
    const question = neu.questions[0];
    const section = question?.sections[0];
    const first = section?.blocks[0];
    if (!question || !section || first?.type !== 'paragraph') throw new Error('sample model changed');
    question.title = `${question.title}${TITLE}`;
    first.content = [...first.content, { type: 'text', value: `${CLEAR}新${C1}` }];
    section.blocks.push({ type: 'paragraph', content: [{ type: 'text', value: `added ${TITLE}` }] });
    neu.metadata.source.fileName = `new${CLEAR}.txt`;
    neu.metadata.footer = { path: `L:\\${TITLE}`, dates: ['01.01.21'] };
    return { old, neu };
  }

  const { old, neu } = hostile();
  const diff = diffEditions(old, neu);

  it('the terminal rendering without colour has no control character but TAB and LF', () => {
    const out = renderTerminal(diff, { color: false });
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1b]0;pwned\\x07');
    expect(out).toContain('\\x1b[2J\\x1b[H');
    expect(out).toContain('\\x9b31m');
  });

  it('the terminal rendering with colour has only its own colour sequences', () => {
    const out = renderTerminal(diff, { color: true });
    expect(out.replace(/\u001b\[(?:0|1|31;9|32;4)m/gu, '')).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1b]0;pwned\\x07');
  });

  it('the Markdown and JSON renderings have no raw control character either', () => {
    expect(renderMarkdown(diff)).not.toMatch(RAW_CONTROL);
    expect(renderHtml(diff)).not.toMatch(RAW_CONTROL);
    const json = renderJson(diff);
    expect(json).not.toMatch(RAW_CONTROL);
    // The JSON is lossless: escaped, the same values.
    const parsed = JSON.parse(json) as { changes: { new?: string }[] };
    expect(parsed.changes.some((change) => change.new?.includes(TITLE))).toBe(true);
  });
});
