import { describe, expect, it } from 'vitest';
import { checkDocument, type Finding } from '../../src/check/index.js';
import { acronymPair, nameKey, splitNames, writing } from '../../src/check/names.js';
import { typoKind } from '../../src/check/relationships.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { consistentModel } from './consistent-model.js';
import { bodiesGroup, withThirdQuestion } from './cross-question.js';

const bodies = (doc: QuestionsDocument, q: number): string[] => bodiesGroup(doc, q).items;

const CROSS = new Set(['relationships.spelling', 'relationships.typo', 'relationships.acronyms', 'relationships.names']);
const cross = (doc: QuestionsDocument): Finding[] => checkDocument(doc).filter((f) => CROSS.has(f.code));
/** `code @ place: form @ its places | … → suggestion`. */
const summary = (f: Finding) =>
  `${f.code} @ ${f.where.section}: ${f.forms?.map((form) => `${form.text} @ ${form.places.map((p) => p.section).join(' ')}`).join(' | ')} → ${f.suggestion}`;

describe('names in the relationships', () => {
  it('an item is split into names at list separators outside parentheses', () => {
    expect(splitNames('ISO/IEC JTC 1/SC 41, ISO/IEC JTC 1/WG 11')).toEqual(['ISO/IEC JTC 1/SC 41', 'ISO/IEC JTC 1/WG 11']);
    expect(splitNames('5G联盟（如5G AA、5G ACIA等）')).toEqual(['5G联盟（如5G AA、5G ACIA等）']);
    expect(splitNames('ETSI；IETF。')).toEqual(['ETSI', 'IETF']);
  });

  it('a writing keeps what an editor sees and drops layout; a key drops every way of writing', () => {
    expect(writing('  ATIS  ')).toBe('ATIS');
    expect(writing('IEC-ISO-ITU 智慧城市联合任务组')).not.toBe(writing('IEC-ISO-ITU智慧城市联合任务组'));
    expect(writing('ISO/IEC JTC 1/ WG10')).toBe('ISO/IEC JTC 1/ WG10');
    expect(nameKey('ISO/IEC JTC 1/SC 41')).toBe(nameKey('ＩＳＯ／IEC JTC1/sc41'));
    expect(nameKey('3GPP')).not.toBe(nameKey('3GPP/3GPP2'));
    expect(nameKey('工业互联网联盟（IIC）')).toBe(nameKey('工业互联网联盟(IIC)'));
  });

  it('a name with its acronym, either way round; a list in parentheses is no acronym', () => {
    expect(acronymPair('工业互联网联盟（IIC）')).toEqual({ name: '工业互联网联盟', acronym: 'IIC' });
    expect(acronymPair('OMA (Open Mobile Alliance)')).toEqual({ name: 'Open Mobile Alliance', acronym: 'OMA' });
    expect(acronymPair('منظمة الأغذية والزراعة (FAO)')).toEqual({ name: 'منظمة الأغذية والزراعة', acronym: 'FAO' });
    expect(acronymPair('5G联盟（如5G AA、5G ACIA等）')).toBeUndefined();
    expect(acronymPair('IETF')).toBeUndefined();
  });

  it('a typo is one edit of letters: a swap at any length, digits never', () => {
    expect(typoKind('JCT', 'JTC')).toBe('transposition');
    expect(typoKind('IEFT', 'IETF')).toBe('transposition');
    expect(typoKind('AIOTT', 'AIOTI')).toBe('edit');
    expect(typoKind('IEE', 'IEEE')).toBe('doubling');
    expect(typoKind('3GPPP', '3GPP')).toBe('doubling');
    expect(typoKind('3GPP2', '3GPP')).toBeUndefined();
    expect(typoKind('WG11', 'WG12')).toBeUndefined();
    expect(typoKind('oneM2M', 'OneM2M')).toBeUndefined();
    expect(typoKind('ETSI', 'IEEE')).toBeUndefined();
  });
});

describe('one body across Questions', () => {
  it('written two ways: both forms, both places, the more used suggested', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('ISO/IEC JTC 1/SC 41');
    bodies(doc, 1).push('ISO/IEC JTC 1/SC41');
    bodies(doc, 2).push('ISO/IEC JTC 1/SC41');
    expect(cross(doc).map(summary)).toEqual([
      'relationships.spelling @ A.4: ISO/IEC JTC 1/SC 41 @ A.4 | ISO/IEC JTC 1/SC41 @ B.4 C.4 → ISO/IEC JTC 1/SC41',
    ]);
  });

  it('case, full-width forms and parentheses are ways of writing one name', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('oneM2M', '开放移动联盟（OMA）');
    bodies(doc, 1).push('oneM2M', '开放移动联盟(OMA)');
    bodies(doc, 2).push('OneM2M', '开放移动联盟（OMA）');
    bodies(doc, 2)[0] = 'ＥＴＳＩ';
    expect(cross(doc).map((f) => `${f.code} @ ${f.where.section} → ${f.suggestion}`)).toEqual([
      'relationships.spelling @ C.4 → ETSI',
      'relationships.spelling @ C.4 → oneM2M',
      'relationships.spelling @ B.4 → 开放移动联盟（OMA）',
    ]);
  });

  it('a part of a hierarchical name written another way inside different names', () => {
    const doc = consistentModel();
    bodies(doc, 0).push('ISO/IEC JTC 1/SC 41', 'ISO/IEC JTC 1/WG 11');
    bodies(doc, 1).push('ISO/IEC JTC1');
    expect(cross(doc).map(summary)).toEqual(['relationships.spelling @ B.4: IEC JTC1 @ B.4 | IEC JTC 1 @ A.4 → IEC JTC 1']);
  });

  it('a likely typo of a code written more often', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('ISO/IEC JTC 1');
    bodies(doc, 1).push('ISO/IEC JTC 1/SC 41');
    bodies(doc, 2).push('ISO/IEC JCT 1');
    bodies(doc, 2)[1] = 'IEFT';
    bodies(doc, 0).push('IEEE');
    bodies(doc, 1).push('IEEE');
    bodies(doc, 2).push('IEE');
    expect(cross(doc).map(summary)).toEqual([
      'relationships.typo @ C.4: IEFT @ C.4 | IETF @ A.4 B.4 → IETF',
      'relationships.typo @ C.4: ISO/IEC JCT 1 @ C.4 | JTC @ A.4 B.4 → ISO/IEC JTC 1',
      'relationships.typo @ C.4: IEE @ C.4 | IEEE @ A.4 B.4 → IEEE',
    ]);
  });

  it('a typo in an acronym is the typo finding, its fix written as the rest of the name is', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('开放连接基金会（OCF）');
    bodies(doc, 1).push('开放连接基金会（OCF）');
    bodies(doc, 2).push('开放连接基金会（OFC）');
    expect(cross(doc).map((f) => [f.code, f.where.section, f.suggestion])).toEqual([['relationships.typo', 'C.4', '开放连接基金会（OCF）']]);
  });

  it('one name with two acronyms, one acronym with two names', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('工业互联网联盟（IIC）', '物联网创新联盟（AIOTI）');
    bodies(doc, 1).push('工业互联网联盟（AII）', '物联网创新联盟（AIOTI）');
    bodies(doc, 2).push('工业互联网联盟（AII）', '物联网创新同盟（AIOTI）');
    expect(cross(doc).map(summary)).toEqual([
      'relationships.acronyms @ A.4: 工业互联网联盟（IIC） @ A.4 | 工业互联网联盟（AII） @ B.4 C.4 → 工业互联网联盟（AII）',
      'relationships.names @ C.4: 物联网创新同盟（AIOTI） @ C.4 | 物联网创新联盟（AIOTI） @ A.4 B.4 → 物联网创新联盟（AIOTI）',
    ]);
  });

  it('one slip that gives a name two acronyms and an acronym two names is reported once', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('开放移动联盟（OMA）', '对象管理组织（OMG）');
    bodies(doc, 1).push('开放移动联盟（OMA）', '对象管理组织（OMG）');
    bodies(doc, 2).push('开放移动联盟（OMG）', '对象管理组织（OMG）');
    expect(cross(doc).map(summary)).toEqual([
      'relationships.acronyms @ C.4: 开放移动联盟（OMG） @ C.4 | 开放移动联盟（OMA） @ A.4 B.4 → 开放移动联盟（OMA）',
    ]);
  });

  it('no finding for names that are really different', () => {
    const doc = withThirdQuestion(consistentModel());
    bodies(doc, 0).push('3GPP', 'ISO/IEC JTC 1/WG 11', 'ISO/IEC JTC 1/SC 41', 'IEC', 'OMA', '开放移动联盟（OMA）');
    bodies(doc, 1).push('3GPP/3GPP2', 'ISO/IEC JTC 1/WG 12', 'ISO/IEC JTC 1/SC 27', 'IEC', 'OMA', '工业互联网联盟（IIC）');
    bodies(doc, 2).push('3GPP', 'ISO/IEC JTC 1/WG 11', 'ISO/IEC JTC 1/SC 41', 'IIC', 'OMG', '对象管理组织（OMG）');
    // IETF in two Questions and not in the third.
    bodies(doc, 2).splice(1, 1);
    expect(cross(doc)).toEqual([]);
  });
});
