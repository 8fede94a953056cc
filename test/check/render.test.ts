import { describe, expect, it } from 'vitest';
import { formatFinding, renderFindingsJson, renderFindingsText, summaryLine, type Finding } from '../../src/check/index.js';

const findings: Finding[] = [
  { code: 'table.status', where: { file: '008C.txt', section: 'table row 4/20' }, message: 'status names …' },
  { code: 'structure.unknownLabel', where: { file: '008C.txt', line: 41, section: 'A.4' }, message: 'unknown relationship label: 伙伴' },
  { code: 'table.status', where: { file: '008C.txt' }, message: 'm' },
];

describe('rendering findings', () => {
  it('one line each: file, then the line or else the section, severity, message, code', () => {
    expect(formatFinding(findings[0]!, 'warning')).toBe('008C.txt:table row 4/20: warning: status names … [table.status]');
    expect(formatFinding(findings[1]!, 'error')).toBe('008C.txt:41: error: unknown relationship label: 伙伴 [structure.unknownLabel]');
    expect(formatFinding(findings[2]!, 'warning')).toBe('008C.txt: warning: m [table.status]');
  });

  it('a summary line with the counts by code, in order of first appearance', () => {
    expect(summaryLine([])).toBe('0 findings');
    expect(summaryLine(findings.slice(0, 1))).toBe('1 finding (1 table.status)');
    expect(summaryLine(findings, 2)).toBe('3 findings in 2 inputs (2 table.status, 1 structure.unknownLabel)');
    expect(renderFindingsText(findings.slice(0, 1), 'warning')).toBe(
      '008C.txt:table row 4/20: warning: status names … [table.status]\n1 finding (1 table.status)\n',
    );
  });

  it('JSON: a list with a fixed key order', () => {
    expect(renderFindingsJson([], 'warning')).toBe('[]\n');
    const [first] = JSON.parse(renderFindingsJson(findings, 'error')) as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual(['code', 'severity', 'where', 'message']);
    expect(first).toEqual({
      code: 'table.status',
      severity: 'error',
      where: { file: '008C.txt', section: 'table row 4/20' },
      message: 'status names …',
    });
  });

  it('JSON: the forms a finding compares, with every place, and the suggestion', () => {
    const spelling: Finding = {
      code: 'relationships.spelling',
      where: { file: '008C.txt', section: 'A.4' },
      message: 'one name written two ways: …',
      forms: [
        { text: 'ISO/IEC JTC 1/SC 41', count: 1, places: [{ question: '1/20', letter: 'A', section: 'A.4' }] },
        {
          text: 'ISO/IEC JTC 1/SC41',
          count: 2,
          places: [
            { question: '2/20', letter: 'B', section: 'B.4' },
            { question: '7/20', letter: '', section: '' },
          ],
        },
      ],
      suggestion: 'ISO/IEC JTC 1/SC41',
    };
    const [first] = JSON.parse(renderFindingsJson([spelling], 'warning')) as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual(['code', 'severity', 'where', 'message', 'forms', 'suggestion']);
    expect(first?.forms).toEqual([
      { text: 'ISO/IEC JTC 1/SC 41', count: 1, places: [{ question: '1/20', letter: 'A', section: 'A.4' }] },
      { text: 'ISO/IEC JTC 1/SC41', count: 2, places: [{ question: '2/20', letter: 'B', section: 'B.4' }, { question: '7/20' }] },
    ]);
    expect(first?.suggestion).toBe('ISO/IEC JTC 1/SC41');
  });
});
