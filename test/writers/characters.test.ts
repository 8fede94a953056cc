import { describe, expect, it } from 'vitest';
import type { ListItem } from '../../src/model/document.js';
import { dropXmlChars, withoutXmlChars, XML_CHAR_WARNING, xmlCharsIn } from '../../src/writers/characters.js';
import { sampleModel } from '../helpers/sample-model.js';

describe('dropXmlChars', () => {
  it('drops what XML 1.0 forbids: C0 but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF', () => {
    expect(dropXmlChars('a\u0000b\u0008c\u000bd\u001be\ud800f\udc00g\ufffeh\uffffi')).toBe('abcdefghi');
    expect(dropXmlChars('\udc00\ud800')).toBe('');
  });

  it('drops what XML 1.0 discourages: DEL, C1 but NEL, U+FDD0–U+FDEF, plane-end noncharacters', () => {
    expect(dropXmlChars('a\u007fb\u0080c\u0084d\u0086e\u009ff\ufdd0g\ufdefh\u{1fffe}i\u{10ffff}j')).toBe('abcdefghij');
  });

  it('keeps TAB, line breaks, NEL, pairs of surrogates, BOM and markup characters', () => {
    const kept = 'a\tb\nc\rd\u0085e\u{1f600}f\ufeffg&<>"\'\ufdcf\ufdf0\ufffd\u{1fffd}';
    expect(dropXmlChars(kept)).toBe(kept);
    expect(xmlCharsIn(kept)).toEqual([]);
  });
});

describe('withoutXmlChars', () => {
  it('gives the same model, and no warning, when there is nothing to drop', () => {
    const doc = sampleModel();
    const result = withoutXmlChars(doc);
    expect(result.value).toBe(doc);
    expect(result.warnings).toEqual([]);
  });

  it('drops them everywhere, with one warning per place naming the Question and section, and a count', () => {
    const doc = sampleModel();
    const question = doc.questions[0]!;
    const section = question.sections[0]!;
    question.title += '\u0001';
    section.heading += '\u0002\ufffe';
    section.blocks.unshift({ type: 'paragraph', content: [{ type: 'text', value: 'x\u0002y' }] });
    doc.footnotes[0]!.text += '\ud800';
    doc.frontMatter.heading.title += '\u001b';
    const before = structuredClone(doc);

    const { value, warnings } = withoutXmlChars(doc);
    expect(doc).toEqual(before);
    expect(value.questions[0]!.title).toBe(question.title.slice(0, -1));
    expect(value.questions[0]!.sections[0]!.blocks[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', value: 'xy' }] });
    expect(warnings.map((w) => [w.code, w.where.section, w.message])).toEqual([
      [XML_CHAR_WARNING, doc.frontMatter.heading.number, 'dropped 1 character that XML 1.0 forbids or discourages (U+001B) from front matter'],
      [XML_CHAR_WARNING, question.number, `dropped 1 character that XML 1.0 forbids or discourages (U+0001) from Question ${question.number}`],
      [
        XML_CHAR_WARNING,
        section.number,
        `dropped 3 characters that XML 1.0 forbids or discourages (U+0002, U+FFFE) from Question ${question.number}, section ${section.number}`,
      ],
      [XML_CHAR_WARNING, 'footnote 1', 'dropped 1 character that XML 1.0 forbids or discourages (U+D800) from footnote 1'],
    ]);
    expect(warnings.every((w) => w.where.file === doc.metadata.source.fileName)).toBe(true);
  });

  it('names the file it is given, by default the source file name of the model', () => {
    const doc = sampleModel();
    doc.questions[0]!.title += '\u0001';
    expect(withoutXmlChars(doc).warnings[0]?.where.file).toBe(doc.metadata.source.fileName);
    expect(withoutXmlChars(doc, 'in/edition.json').warnings[0]?.where.file).toBe('in/edition.json');
  });

  it('leaves the source information alone: it is written only as escaped JSON', () => {
    const doc = sampleModel();
    doc.metadata.source.fileName = 'a\u0001.txt';
    expect(withoutXmlChars(doc)).toEqual({ value: doc, warnings: [] });
  });

  it('walks a list nested 20,000 deep without running out of stack', () => {
    const doc = sampleModel();
    let item: ListItem = { content: [{ type: 'text', value: '\u0001' }], children: [] };
    for (let i = 0; i < 20_000; i++) item = { content: [{ type: 'text', value: 'x' }], children: [item] };
    doc.frontMatter.blocks.push({ type: 'list', items: [item] });
    const { warnings } = withoutXmlChars(doc);
    expect(warnings.map((w) => w.message)).toEqual(['dropped 1 character that XML 1.0 forbids or discourages (U+0001) from front matter']);
  });
});
