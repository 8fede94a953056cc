import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/index.js';
import { statusFacts } from '../../src/check/table.js';
import type { QuestionTable } from '../../src/model/document.js';
import { languageTable } from '../../src/model/languages.js';
import { consistentModel } from './consistent-model.js';

const codes = (doc = consistentModel()) => checkDocument(doc).map((f) => `${f.code} @ ${f.where.section ?? ''}`);

function tableOf(doc: ReturnType<typeof consistentModel>): QuestionTable {
  const table = doc.frontMatter.blocks.find((block) => block.type === 'questionTable');
  if (table?.type !== 'questionTable') throw new Error('no table');
  return table;
}

describe('Table 1 against the Question headings', () => {
  it('finds nothing in a consistent document', () => {
    expect(checkDocument(consistentModel())).toEqual([]);
  });

  it('a row without a Question, and a Question without a row', () => {
    const doc = consistentModel();
    tableOf(doc).rows[1]!.newNumber = '3/20';
    expect(codes(doc)).toEqual(['table.rowWithoutQuestion @ table row 3/20', 'table.questionWithoutRow @ 2/20']);
  });

  it('a title that differs (whitespace aside)', () => {
    const doc = consistentModel();
    tableOf(doc).rows[0]!.currentTitle = ' 物联网的互操作性\t';
    expect(codes(doc)).toEqual([]);
    tableOf(doc).rows[0]!.currentTitle = '物联网的互联';
    expect(codes(doc)).toEqual(['table.title @ table row 1/20']);
  });

  it('a status phrased differently from the note is a wording finding, not a disagreement', () => {
    const doc = consistentModel();
    // What 008C's row 4/20 says of Question D, in words other than D's note.
    tableOf(doc).rows[1]!.status = '新的研究项目及部分第1/20和2/20号课题的继续';
    expect(codes(doc)).toEqual(['table.statusWording @ table row 2/20']);
    expect(checkDocument(doc)[0]?.message).toContain('Questions 1/20, 2/20 and new work');
  });

  it('reads what a status states, whatever its words', () => {
    // Row 4/20 and Question D of 008C state the same facts in their own words.
    const zh = languageTable('zh');
    expect(statusFacts('新的研究项目及部分第1/20和4/20号课题的继续', zh)).toEqual({ numbers: ['1/20', '4/20'], newWork: true });
    expect(statusFacts('部分第1/20号课题及部分第4/20号课题的继续并增加了新的研究项目', zh)).toEqual({ numbers: ['1/20', '4/20'], newWork: true });
    expect(statusFacts('新兴数字技术', zh).newWork).toBe(false);
  });

  it('a status that names other Questions, or leaves out the new work, is a finding', () => {
    const doc = consistentModel();
    tableOf(doc).rows[1]!.status = '新的研究项目及部分第2/20和3/20号课题的继续';
    expect(codes(doc)).toEqual(['table.status @ table row 2/20']);
    tableOf(doc).rows[1]!.status = '部分第1/20和2/20号课题的继续';
    const [finding] = checkDocument(doc);
    expect(finding?.code).toBe('table.status');
    expect(finding?.message).toContain('and no new work');
  });

  it('a status for a Question without a note', () => {
    const doc = consistentModel();
    delete doc.questions[0]!.continuation;
    expect(codes(doc)).toEqual(['table.status @ table row 1/20']);
  });

  it('a previous number the status does not name, and a row given twice', () => {
    const doc = consistentModel();
    const rows = tableOf(doc).rows;
    rows[0]!.previousNumber = '5/20';
    rows.push({ ...rows[1]! });
    expect(codes(doc)).toEqual(['table.previousNumber @ table row 1/20', 'table.duplicateRow @ table row 2/20']);
  });

  it('no table at all', () => {
    const doc = consistentModel();
    doc.frontMatter.blocks = doc.frontMatter.blocks.filter((block) => block.type !== 'questionTable');
    expect(codes(doc)).toEqual(['table.missing @ ']);
  });
});
