import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/index.js';
import type { QuestionsDocument, Section } from '../../src/model/document.js';
import { consistentModel, para, text } from './consistent-model.js';

const codes = (doc: QuestionsDocument) => checkDocument(doc).map((f) => `${f.code} @ ${f.where.section ?? ''}`);
const sectionOf = (doc: QuestionsDocument, q: number, s: number): Section => doc.questions[q]!.sections[s]!;

describe('what the sections hold', () => {
  it('the same item twice in a section (list items at any level, relationship items)', () => {
    const doc = consistentModel();
    const list = sectionOf(doc, 0, 1).blocks[1];
    if (list?.type === 'list') list.items.push({ content: [text('有哪些用例？ ')], children: [] });
    const group = sectionOf(doc, 1, 3).blocks[1];
    if (group?.type === 'relationshipGroup') group.items.push('ETSI');
    expect(codes(doc)).toEqual(['section.duplicateItem @ A.2', 'section.duplicateItem @ B.4']);
    expect(checkDocument(doc)[0]?.message).toBe('item "有哪些用例？" appears 2 times');
  });

  it('the same item in two sections is no finding', () => {
    const doc = consistentModel();
    const list = sectionOf(doc, 0, 2).blocks[1];
    if (list?.type === 'list') list.items.push({ content: [text('有哪些用例？')], children: [] });
    expect(codes(doc)).toEqual([]);
  });

  it('a relationship group with an unknown label', () => {
    const doc = consistentModel();
    sectionOf(doc, 0, 3).blocks.push({ type: 'relationshipGroup', label: '合作伙伴', role: 'other', items: ['ITU-D'] });
    expect(codes(doc)).toEqual(['structure.unknownLabel @ A.4']);
  });

  it('noise left by the extraction, wherever it is', () => {
    const doc = consistentModel();
    sectionOf(doc, 0, 0).blocks.push(para('[bookmark: x]城市需要提高效率。'));
    doc.questions[1]!.title = '数据分析_Toc62635731和管理';
    doc.footnotes[0]!.text = '根据[footnoteRef:1]决议';
    const found = checkDocument(doc).filter((f) => f.code === 'noise.leftover');
    expect(found.map((f) => f.where.section)).toEqual(['A.1', '2/20', 'footnote 1']);
    expect(found[0]?.message).toContain('"[bookmark: x]"');
    // The title no longer matches Table 1 either: that is the table check's.
    expect(codes(doc)).toContain('table.title @ table row 2/20');
  });

  it('a footnote reference without footnote, and a footnote never referenced', () => {
    const doc = consistentModel();
    sectionOf(doc, 1, 0).blocks.push({ type: 'paragraph', content: [text('见脚注'), { type: 'footnoteReference', id: '2' }] });
    doc.footnotes.push({ id: '3', text: '没有人引用的脚注' });
    expect(codes(doc)).toEqual(['footnote.undefined @ B.1', 'footnote.unreferenced @ footnote 3']);
  });

  it('a Question without work-programme link, and a link to another Question', () => {
    const doc = consistentModel();
    delete doc.questions[0]!.workProgrammeUrl;
    doc.questions[1]!.workProgrammeUrl = 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20';
    expect(codes(doc)).toEqual(['workProgramme.missing @ 1/20', 'workProgramme.question @ 2/20']);
  });

  it('a link without q= is not judged', () => {
    const doc = consistentModel();
    doc.questions[0]!.workProgrammeUrl = 'https://www.itu.int/ITU-T/workprog/wp_item.aspx?isn=1234';
    expect(codes(doc)).toEqual([]);
  });
});
