import { describe, expect, it } from 'vitest';
import { languageTable } from '../../src/model/languages.js';
import { readRelationshipValues, recommendationRefs, relationshipValues } from '../../src/model/relationship-values.js';

const zh = languageTable('zh');

// The items below are those of input/008C.txt, sections A.4, B.4, D.4, E.4 and G.4, as written.
describe('relationshipValues on the items of 008C', () => {
  it('WSIS action lines: the C codes, in order', () => {
    expect(relationshipValues('wsis', ['C2、C3、C5、C6、C7、C8、C10'], zh)).toEqual({
      kind: 'wsis',
      actionLines: ['C2', 'C3', 'C5', 'C6', 'C7', 'C8', 'C10'],
    });
    expect(relationshipValues('wsis', ['C2、C3、C5、C6、C7、C8、C10、C11、C12 '], zh)).toEqual({
      kind: 'wsis',
      actionLines: ['C2', 'C3', 'C5', 'C6', 'C7', 'C8', 'C10', 'C11', 'C12'],
    });
    expect(relationshipValues('wsis', ['C1、C6、C11 '], zh)).toEqual({ kind: 'wsis', actionLines: ['C1', 'C6', 'C11'] });
    expect(relationshipValues('wsis', ['C2、C3、C6、C7、C8、C10、C11、C14'], zh)).toEqual({
      kind: 'wsis',
      actionLines: ['C2', 'C3', 'C6', 'C7', 'C8', 'C10', 'C11', 'C14'],
    });
  });

  it('SDGs: every integer (A.4, B.4, E.4, G.4)', () => {
    expect(relationshipValues('sdgs', ['11'], zh)).toEqual({ kind: 'sdgs', goals: [11] });
    expect(relationshipValues('sdgs', ['9、10 和 11'], zh)).toEqual({ kind: 'sdgs', goals: [9, 10, 11] });
    expect(relationshipValues('sdgs', ['1、2、3、4、5、6、7、8、9、10、11、12、13、14、15、16 和 17'], zh)).toEqual({
      kind: 'sdgs',
      goals: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
    });
    expect(relationshipValues('sdgs', ['3、6、7、9、11 和 13 '], zh)).toEqual({ kind: 'sdgs', goals: [3, 6, 7, 9, 11, 13] });
  });

  it('Recommendations of A.4: the series, then one entry per Recommendation, slashed numbers together', () => {
    const item = 'Y.4000系列 包括Y.4100/Y.2066、Y.4111/Y.2076、Y.4113、Y.4114、Y.4200、Y.4201、Y.4401/Y.2068、Y.4461、Y.4552/Y.2078';
    expect(relationshipValues('recommendations', [item], zh)).toEqual({
      kind: 'recommendations',
      recommendations: [
        { identifiers: ['Y.4000'], series: true },
        { identifiers: ['Y.4100', 'Y.2066'] },
        { identifiers: ['Y.4111', 'Y.2076'] },
        { identifiers: ['Y.4113'] },
        { identifiers: ['Y.4114'] },
        { identifiers: ['Y.4200'] },
        { identifiers: ['Y.4201'] },
        { identifiers: ['Y.4401', 'Y.2068'] },
        { identifiers: ['Y.4461'] },
        { identifiers: ['Y.4552', 'Y.2078'] },
      ],
    });
  });

  it('Recommendations of B.4: dotted numbers (F.748.0) and supplements (Y.Suppl.53)', () => {
    const item =
      'Y.4000系列 包括Y.4000/Y.2060、Y.4003、Y.4100/Y.2066、Y.4101/Y.2067、Y.4102/Y.2074、Y.4103/F.748.0、Y.4105/Y.2221、' +
      'Y.4108/Y.2213、Y.4109/Y.2061、Y.4110/Y.2065、Y.4111/Y.2076、Y.4112/Y.2077、Y.4113、Y.4116、Y.4117、Y.4118、Y.4119、' +
      'Y.4120、Y.4121、Y.4201、Y.4203、Y.4204、Y.4207、Y.4208、Y.4250/Y.2222、Y.4401/Y.2068、Y.4408/Y.2075、Y.4457、Y.4464、' +
      'Y.4552/Y.2078、Y.4702、Y.Suppl.53、Y.Suppl.56至Y系列';
    const refs = recommendationRefs(item, zh);
    expect(refs).toHaveLength(34);
    expect(refs[0]).toEqual({ identifiers: ['Y.4000'], series: true });
    expect(refs[1]).toEqual({ identifiers: ['Y.4000', 'Y.2060'] });
    expect(refs).toContainEqual({ identifiers: ['Y.4103', 'F.748.0'] });
    // `Y.Suppl.56至Y系列`: the series word follows `Y`, not Y.Suppl.56, and `Y` alone is no number.
    expect(refs.slice(-2)).toEqual([{ identifiers: ['Y.Suppl.53'] }, { identifiers: ['Y.Suppl.56'] }]);
  });

  it('Recommendations of D.4: one series named in two items is one value', () => {
    const items = ['有关物联网及智慧城市和社区的Y.4000系列', '有关数据处理和管理的Y.4000系列（包括ITU-T的DPM焦点组的实际交付成果）'];
    expect(relationshipValues('recommendations', items, zh)).toEqual({
      kind: 'recommendations',
      recommendations: [{ identifiers: ['Y.4000'], series: true }],
    });
  });

  it('Recommendations of E.4 and G.4', () => {
    expect(relationshipValues('recommendations', ['Y.4050/Y.2069'], zh)).toEqual({
      kind: 'recommendations',
      recommendations: [{ identifiers: ['Y.4050', 'Y.2069'] }],
    });
    expect(relationshipValues('recommendations', ['所有相关的Y.4000系列建议书和Y系列建议书增补'], zh)).toEqual({
      kind: 'recommendations',
      recommendations: [{ identifiers: ['Y.4000'], series: true }],
    });
  });

  it('Questions: no values for "all Questions of SG20", the numbers when the text gives them', () => {
    expect(relationshipValues('questions', ['ITU-T第20研究组所有课题'], zh)).toBeUndefined();
    expect(relationshipValues('questions', ['第1/20号课题及部分第2/20、3/20和4/20号课题'], zh)).toEqual({
      kind: 'questions',
      questions: ['1/20', '2/20', '3/20', '4/20'],
    });
  });

  it('study groups, other bodies and unknown labels carry no values, whatever their items say', () => {
    const items = ['相关的ITU-T（如考虑其牵头研究组的作用）、ITU-D和ITU-R研究组', 'ISO/IEC JTC 1/SC 41, ISO/IEC JTC 1/WG 11', '3GPP/3GPP2'];
    expect(relationshipValues('studyGroups', items, zh)).toBeUndefined();
    expect(relationshipValues('bodies', items, zh)).toBeUndefined();
    expect(relationshipValues('other', items, zh)).toBeUndefined();
  });
});

describe('relationshipValues beyond 008C', () => {
  it('no code of the kind → no values', () => {
    expect(relationshipValues('wsis', ['无'], zh)).toBeUndefined();
    expect(relationshipValues('sdgs', [], zh)).toBeUndefined();
    expect(relationshipValues('recommendations', ['所有相关建议书'], zh)).toBeUndefined();
  });

  it('codes inside longer words are not codes', () => {
    expect(relationshipValues('wsis', ['ETSI TC Smart M2M、CCSA TC10、C7'], zh)).toEqual({ kind: 'wsis', actionLines: ['C7'] });
    expect(relationshipValues('questions', ['3GPP/3GPP2 and 2021/01/18'], zh)).toBeUndefined();
  });

  it('an SDG range written with an ellipsis is every goal in it; numbers out of 1–17 are rejected', () => {
    expect(relationshipValues('sdgs', ['1、2、…和 5'], zh)).toEqual({ kind: 'sdgs', goals: [1, 2, 3, 4, 5] });
    expect(readRelationshipValues('sdgs', ['9 和 18'], zh)).toEqual({ values: { kind: 'sdgs', goals: [9] }, rejected: ['18'] });
  });
});
