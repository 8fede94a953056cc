import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkRead, withReaderWarnings } from '../../src/check/index.js';
import type { Warning } from '../../src/model/result.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';
import { consistentModel } from './consistent-model.js';

describe('checkDocument on 008C', () => {
  it('finds the wording of row 4/20 and the five inconsistencies across Questions an editor finds, each once; the rest of Table 1 and the headings agree, the sequence and sections are whole, the links match', () => {
    const read = readText(readFileSync(fromRoot('input/008C.txt')), '008C.txt');
    expect(read.warnings).toEqual([]);
    const findings = checkDocument(read.value);
    expect(findings.map((f) => `${f.code} @ ${f.where.section ?? ''}: ${f.forms?.map((form) => form.text).join(' | ') ?? ''}`)).toEqual([
      'table.statusWording @ table row 4/20: ',
      'relationships.spelling @ A.4: ISO/IEC JTC 1/SC 41 | ISO/IEC JTC 1/SC41',
      'relationships.spelling @ A.4: ISO/IEC JTC 1/WG 11 | ISO/IEC JTC 1/WG11',
      'relationships.typo @ F.4: ISO/IEC JCT 1 | JTC',
      'relationships.acronyms @ B.4: 工业互联网联盟（AII） | 工业互联网联盟（IIC）',
      'relationships.label @ B.4: 标准化机构 | 其它机构',
      'term.variant @ A.4: 本问题 | 本课题',
    ]);
  });
});

describe('reader warnings are findings too', () => {
  const readerWarning: Warning = {
    code: 'structure.unknownLabel',
    where: { file: 'in/x.txt', line: 12, section: 'A.4' },
    message: 'unknown relationship label: 合作伙伴',
  };

  it('come first, and a check that finds the same thing at the same place is given once, by the reader (with its line)', () => {
    const doc = consistentModel();
    doc.questions[0]!.sections[3]!.blocks.push({ type: 'relationshipGroup', label: '合作伙伴', role: 'other', items: ['ITU-D'] });
    doc.questions[1]!.sections[3]!.blocks.push({ type: 'relationshipGroup', label: '伙伴', role: 'other', items: ['ITU-R'] });
    const other: Warning = { code: 'footnote.unreferenced', where: { file: 'in/x.txt', line: 3 }, message: 'x' };
    const merged = checkRead({ value: doc, warnings: [readerWarning, other] }, 'in/x.txt');
    expect(merged.map((f) => [f.code, f.where.file, f.where.line ?? f.where.section])).toEqual([
      ['structure.unknownLabel', 'in/x.txt', 12],
      ['footnote.unreferenced', 'in/x.txt', 3],
      ['structure.unknownLabel', 'in/x.txt', 'B.4'],
    ]);
  });

  it('without the checks, are kept as they are', () => {
    expect(withReaderWarnings([readerWarning], [])).toEqual([readerWarning]);
  });
});
