/**
 * The library's public entry (src/index.ts), used as a program would: every format in, every
 * format out, a diff and a check, errors with codes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, diff, InputError, read, renderDiff, write } from '../src/index.js';
import { fromRoot } from './helpers/paths.js';

describe('the library API', () => {
  it('reads a path, writes every format, and reads its own outputs back as the same document', async () => {
    const { document, warnings } = await read(fromRoot('input/008C.docx'));
    expect(warnings).toEqual([]);
    expect(document.questions.map((q) => q.number)).toEqual(['1/20', '2/20', '3/20', '4/20', '5/20', '6/20', '7/20']);
    for (const format of ['json', 'md', 'txt'] as const) {
      const text = await write(document, format);
      const back = await read(new TextEncoder().encode(text), { fileName: `out.${format === 'md' ? 'md' : format}` });
      expect(diff(document, back.document).changes).toEqual([]);
    }
    const docx = await write(document, 'docx');
    expect(diff(document, (await read(docx, { fileName: 'out.docx' })).document).changes).toEqual([]);
  });

  it('diffs two editions and renders the report; checks a document', async () => {
    const old = (await read(fromRoot('input/008C.txt'))).document;
    const neu = (await read(readFileSync(fromRoot('fixtures/008C-edited/008C-edited.txt')), { fileName: '008C-edited.txt' })).document;
    const changes = diff(old, neu);
    expect(changes.changes.length).toBeGreaterThan(0);
    expect(JSON.parse(renderDiff(changes, 'json')).changes).toHaveLength(changes.changes.length);
    expect(check(old).map((finding) => finding.code)).toEqual([
      'table.statusWording',
      'relationships.spelling',
      'relationships.spelling',
      'relationships.typo',
      'relationships.acronyms',
      'relationships.label',
      'term.variant',
    ]);
  });

  it('refuses what is not a Questions text with a coded InputError', async () => {
    const error = await read(new TextEncoder().encode('Chapter 1\nIt was a dark night.\n'), { fileName: 'novel.txt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('input.notQuestions');
  });
});
