/**
 * Labels in the document's own terms (src/diff/labels.ts), in other languages than Chinese:
 * sections by number and heading as written, Table 1 by its caption's name, a cell by its column
 * heading as written, relationship groups by their label; never an English role name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';

const editions = Object.fromEntries(
  ['en', 'fr', 'ar'].map((code) => [code, readText(readFileSync(fromRoot(`fixtures/lang-${code}/${code}.txt`)), `${code}.txt`).value]),
) as Record<string, QuestionsDocument>;

/** The labels of one edit of each kind made to an edition: a paragraph, a cell of Table 1, a group's item, a removed section. */
function labels(code: string): string[] {
  const old = editions[code] as QuestionsDocument;
  const neu = structuredClone(old);
  const question = neu.questions[0];
  const table = neu.frontMatter.blocks.find((block) => block.type === 'questionTable');
  const section = question?.sections[0];
  const paragraph = section?.blocks.find((block) => block.type === 'paragraph');
  if (!question || table?.type !== 'questionTable' || !table.rows[0] || paragraph?.type !== 'paragraph') throw new Error(`fixture ${code} changed`);
  paragraph.content = [...paragraph.content, { type: 'text', value: ' 42' }];
  table.rows[0].status = `${table.rows[0].status} 42`;
  question.sections.splice(2, 1);
  return diffEditions(old, neu).changes.map((change) => change.label ?? '');
}

describe('labels in other languages', () => {
  it('English: sections and Table 1 as the edition writes them', () => {
    const [cell, paragraph, section] = labels('en');
    expect(cell).toMatch(/ › Table 1, row 1\/22, Status$/u);
    expect(paragraph).toMatch(/^Question 1\/22 \(A\) – Digital infrastructure for smart sustainable agriculture › A\.1 Motivation › paragraph \d+$/u);
    expect(section).toMatch(/ › A\.3 Tasks › section$/u);
  });

  it('French: the headings and the column heading in French', () => {
    const [cell, paragraph, section] = labels('fr');
    expect(cell).toMatch(/ › Tableau 1, row 1\/22, Statut$/u);
    expect(paragraph).toMatch(/ › A\.1 Motif › paragraph \d+$/u);
    expect(section).toMatch(/ › A\.3 Tâches › section$/u);
  });

  it('Arabic: the section headings in Arabic', () => {
    const [cell, paragraph] = labels('ar');
    expect(cell).toMatch(/ › الجدول 1, row 1\/22, الحالة$/u);
    expect(paragraph).toMatch(/ › A\.1 الدافع › paragraph 1$/u);
  });
});
