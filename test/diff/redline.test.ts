/**
 * The DOCX redline of a diff (src/diff/render-docx.ts): the new edition with every change as a
 * tracked change. Proven three ways on input/008C.txt → fixtures/008C-edited: our DOCX reader
 * (mammoth reads tracked changes as accepted) gives the new model; Accept All and Reject All
 * done on the XML (test/helpers/tracked-changes.ts) give the new and the old model. Then the
 * marks themselves (one author, one date, ids in order), determinism, a diff with no changes,
 * exact XML for small hand-made edits, and both views for one edit of each kind.
 *
 * With TSAG_LIBREOFFICE=1 and `soffice` on the PATH, LibreOffice's own Accept All and Reject
 * All (a Basic macro, run headless) are checked too, on 008C and on each edit (about 15 s).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { side } from '../../src/diff/context.js';
import { textSegments } from '../../src/diff/docx/segments.js';
import { diffEditions, type WordOp } from '../../src/diff/index.js';
import { REDLINE_AUTHOR, REDLINE_DATE, renderDocxRedline } from '../../src/diff/render-docx.js';
import type { Inline, QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { fromRoot } from '../helpers/paths.js';
import { EDITS, questionList } from '../helpers/sample-edits.js';
import { sampleModel } from '../helpers/sample-model.js';
import { acceptAll, rejectAll, revisionTags } from '../helpers/tracked-changes.js';

const old = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
const edited = readText(readFileSync(fromRoot('fixtures/008C-edited/008C-edited.txt')), 'fixtures/008C-edited/008C-edited.txt').value;

async function redline(a: QuestionsDocument, b: QuestionsDocument): Promise<Uint8Array> {
  return (await renderDocxRedline(diffEditions(a, b), a, b)).value;
}

/** All but where the model was read from; tsag writes no header image (as test/roundtrip/docx.test.ts). */
function content(doc: QuestionsDocument) {
  const { source: _source, images: _images, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

/**
 * What Reject All gives: the old edition's content under the new edition's page footer, which is
 * metadata, not tracked (src/diff/render-docx.ts).
 */
function underFooterOf(doc: QuestionsDocument, neu: QuestionsDocument): QuestionsDocument {
  const copy = structuredClone(doc);
  if (neu.metadata.footer === undefined) delete copy.metadata.footer;
  else copy.metadata.footer = structuredClone(neu.metadata.footer);
  return copy;
}

async function read(bytes: Uint8Array) {
  return content((await readDocx(bytes, 'redline.docx')).value);
}

function part(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes)[name];
  return data === undefined ? '' : strFromU8(data);
}

/** The paragraphs (`<w:p>…</w:p>`) of a part that hold a tracked change. */
function changedParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => m[0]).filter((p) => revisionTags(p).length > 0);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const text = (value: string): Inline => ({ type: 'text', value });
const mark = (n: number) => `w:id="${n}" w:author="tsag" w:date="2000-01-01T00:00:00Z"`;

describe('redline of 008C → 008C-edited', async () => {
  const bytes = await redline(old, edited);
  const documentXml = part(bytes, 'word/document.xml');

  it('reads as the new edition with our reader (mammoth takes tracked changes as accepted)', async () => {
    const result = await readDocx(bytes, 'redline.docx');
    expect(content(result.value)).toEqual(content(edited));
    expect(result.warnings.map((w) => w.code)).toEqual(['docx.trackedChanges']);
  });

  it('gives the new edition after Accept All and the old one after Reject All', async () => {
    expect(await read(acceptAll(bytes))).toEqual(content(edited));
    expect(await read(rejectAll(bytes))).toEqual(content(underFooterOf(old, edited)));
  });

  it('marks every change with one author and the fixed date, ids in order after the bookmarks', () => {
    expect(REDLINE_AUTHOR).toBe('tsag');
    expect(REDLINE_DATE).toBe('2000-01-01T00:00:00Z');
    const tags = ['word/document.xml', 'word/footnotes.xml'].flatMap((name) => revisionTags(part(bytes, name)));
    expect(tags.length).toBeGreaterThan(0);
    const bookmarks = [...documentXml.matchAll(/<w:bookmarkStart /g)].length;
    tags.forEach((tag, i) => {
      expect(tag).toMatch(new RegExp(`^<w:(ins|del) ${mark(bookmarks + i)}/?>$`));
    });
  });

  it('shows each edit of the fixture where it is', () => {
    const changed = changedParagraphs(documentXml).join('\n');
    // 4: one word of A.1's first paragraph.
    expect(changed).toContain(
      `增长</w:t></w:r><w:del ${mark(14)}><w:r><w:delText xml:space="preserve">迅速</w:delText></w:r></w:del><w:ins ${mark(15)}><w:r><w:t xml:space="preserve">很快</w:t></w:r></w:ins>`,
    );
    // 5: SDG 12, as the item that writes the values.
    expect(changed).toContain(`<w:t xml:space="preserve">11</w:t></w:r><w:ins ${mark(18)}><w:r><w:t xml:space="preserve"> 和 12</w:t></w:r></w:ins>`);
    // 3: the removed item of E.2, its paragraph mark deleted.
    expect(changed).toContain(
      `<w:p><w:pPr><w:pStyle w:val="enumlev1"/><w:rPr><w:del ${mark(21)}/></w:rPr></w:pPr><w:del ${mark(22)}><w:r><w:delText xml:space="preserve">–</w:delText><w:tab/><w:delText xml:space="preserve">IoT将如何改变商业模式和市场环境？</w:delText></w:r></w:del></w:p>`,
    );
    // 6: Question 8/20, its heading inserted with its bookmark.
    expect(changed).toContain(
      `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:rPr><w:ins ${mark(23)}/></w:rPr></w:pPr><w:bookmarkStart w:name="Q8_20" w:id="7"/><w:ins ${mark(24)}><w:r><w:t xml:space="preserve">H</w:t><w:tab/><w:t xml:space="preserve">第8/20号课题 – 城市数字孪生的要求、架构和互操作性</w:t></w:r></w:ins><w:bookmarkEnd w:id="7"/></w:p>`,
    );
    // 6: its Table 1 row, inserted as a row.
    expect(documentXml).toContain(`<w:trPr><w:cantSplit/><w:ins ${mark(10)}/></w:trPr>`);
    // 1: the retitled Question 3/20, one replacement (架构 → 体系结构), not a shredded word.
    expect(changed).toMatch(
      /<w:delText xml:space="preserve">架构<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">体系结构<\/w:t>/u,
    );
    // The footer's date is metadata: the new edition's, untracked (listed by the reports, not a change to accept).
    const footer = part(bytes, 'word/footer1.xml');
    expect(revisionTags(footer)).toEqual([]);
    expect(footer).toContain('02.03.21');
    expect(footer).not.toContain('27.01.21');
  });

  it('writes the tracked changes by the author and on the date given', async () => {
    const by = (await renderDocxRedline(diffEditions(old, edited), old, edited, {}, { author: 'TSB & Co', date: '2026-01-15T00:00:00Z' })).value;
    const tags = revisionTags(part(by, 'word/document.xml'));
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toMatch(/ w:author="TSB &amp; Co" w:date="2026-01-15T00:00:00Z"/u);
  });

  it('gives the same bytes every time', async () => {
    const again = (await renderDocxRedline(diffEditions(old, edited), old, edited)).value;
    expect(sha256(again)).toBe(sha256(bytes));
  });
});

describe('redline of an edition against itself', () => {
  it('has no tracked change, reads as the edition, and is what writeDocx writes', async () => {
    const bytes = await redline(old, old);
    for (const name of Object.keys(unzipSync(bytes))) expect(revisionTags(part(bytes, name))).toEqual([]);
    expect(await read(bytes)).toEqual(content(old));
    expect(await read(rejectAll(bytes))).toEqual(content(old));
    expect(sha256(bytes)).toBe(sha256(await writeDocx(old)));
  });

  it('is what writeDocx writes for the sample model too', async () => {
    expect(sha256(await redline(sampleModel(), sampleModel()))).toBe(sha256(await writeDocx(sampleModel())));
  });
});

describe('redline of the Arabic edition', () => {
  const ar = readText(readFileSync(fromRoot('fixtures/lang-ar/ar.txt')), 'ar.txt').value;
  const shorter = structuredClone(ar);
  shorter.questions.splice(0, 1);
  shorter.footnotes = [];
  const paragraphs = (xml: string) => xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/gu) ?? [];
  const runs = (xml: string) => xml.match(/<w:r(?:\s[^>]*)?>[\s\S]*?<\/w:r>/gu) ?? [];

  it.each([
    ['a Question removed', ar, shorter],
    ['a Question added', shorter, ar],
  ])('%s: right to left in the tracked changes too, and Accept All / Reject All give the editions', async (_, a, b) => {
    const bytes = await redline(a, b);
    const xml = part(bytes, 'word/document.xml');
    expect(revisionTags(xml).length).toBeGreaterThan(10);
    for (const p of paragraphs(xml)) expect(p).toMatch(/^<w:p><w:pPr><w:pStyle w:val="[^"]*"\/><w:bidi\/>/u);
    for (const r of runs(xml)) expect(r).toMatch(/^<w:r><w:rPr>(?:<w:rStyle w:val="[^"]*"\/>)?<w:rtl\/><\/w:rPr>/u);
    expect(xml).toMatch(/<w:tblPr><w:bidiVisual\/>/u);
    expect(await read(acceptAll(bytes))).toEqual(content(b));
    expect(await read(rejectAll(bytes))).toEqual(content(a));
  });
});

describe('hand-made edits, exact XML', () => {
  it('a word changed in a list item', async () => {
    const a = sampleModel();
    const b = sampleModel();
    questionList(b).items[1]!.content = [text('如何提供语义互操作性？')];
    const changed = changedParagraphs(part(await redline(a, b), 'word/document.xml'));
    expect(changed).toEqual([
      '<w:p><w:pPr><w:pStyle w:val="enumlev1"/></w:pPr><w:r><w:t xml:space="preserve">–</w:t><w:tab/></w:r>' +
        `<w:r><w:t xml:space="preserve">如何提供</w:t></w:r><w:del ${mark(2)}><w:r><w:delText xml:space="preserve">数据</w:delText></w:r></w:del>` +
        `<w:ins ${mark(3)}><w:r><w:t xml:space="preserve">语义</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">互操作性？</w:t></w:r></w:p>`,
    ]);
  });

  it('an item removed in the middle, written where it stood', async () => {
    const a = sampleModel();
    questionList(a).items.splice(1, 0, { content: [text('中间的项目。')], children: [] });
    const b = sampleModel();
    const xml = part(await redline(a, b), 'word/document.xml');
    expect(changedParagraphs(xml)).toEqual([
      `<w:p><w:pPr><w:pStyle w:val="enumlev1"/><w:rPr><w:del ${mark(2)}/></w:rPr></w:pPr>` +
        `<w:del ${mark(3)}><w:r><w:delText xml:space="preserve">–</w:delText><w:tab/><w:delText xml:space="preserve">中间的项目。</w:delText></w:r></w:del></w:p>`,
    ]);
    // After the first item's children, before the second item.
    const order = ['需求和架构。', '中间的项目。', '如何提供数据互操作性？'].map((t) => xml.indexOf(t));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('a Question added', async () => {
    const a = sampleModel();
    const b = sampleModel();
    b.questions.push({
      letter: 'C',
      number: '3/20',
      studyGroup: 20,
      title: '数字孪生',
      sections: [{ number: 'C.1', heading: '目的', role: 'motivation', blocks: [{ type: 'paragraph', content: [text('新的研究。')] }] }],
    });
    const bytes = await redline(a, b);
    expect(changedParagraphs(part(bytes, 'word/document.xml'))).toEqual([
      `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:rPr><w:ins ${mark(3)}/></w:rPr></w:pPr><w:bookmarkStart w:name="Q3_20" w:id="2"/>` +
        `<w:ins ${mark(4)}><w:r><w:t xml:space="preserve">C</w:t><w:tab/><w:t xml:space="preserve">第3/20号课题 – 数字孪生</w:t></w:r></w:ins><w:bookmarkEnd w:id="2"/></w:p>`,
      `<w:p><w:pPr><w:pStyle w:val="Heading3"/><w:rPr><w:ins ${mark(5)}/></w:rPr></w:pPr>` +
        `<w:ins ${mark(6)}><w:r><w:t xml:space="preserve">C.1</w:t><w:tab/><w:t xml:space="preserve">目的</w:t></w:r></w:ins></w:p>`,
      `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:rPr><w:ins ${mark(7)}/></w:rPr></w:pPr>` +
        `<w:ins ${mark(8)}><w:r><w:t xml:space="preserve">新的研究。</w:t></w:r></w:ins></w:p>`,
    ]);
    expect(await read(rejectAll(bytes))).toEqual(await read(await writeDocx(a)));
    expect(await read(acceptAll(bytes))).toEqual(await read(await writeDocx(b)));
  });
});

describe('word operations laid over the two texts', () => {
  const sides = { old: side('zh', (id) => `old:${id}`), new: side('zh', (id) => (id === '2' ? 'old:1' : `new:${id}`)) };
  const piece = (value: string) => ({ kind: 'text' as const, value });

  it("follows the change's words, whitespace as the new edition writes it", () => {
    const words: WordOp[] = [
      { op: 'equal', text: '1 ' },
      { op: 'delete', text: '引' },
      { op: 'insert', text: '前' },
      { op: 'equal', text: '言' },
    ];
    expect(textSegments(sides, '1\t引言', '1\t前言', words)).toEqual([
      { op: 'equal', pieces: [piece('1\t')] },
      { op: 'delete', pieces: [piece('引')] },
      { op: 'insert', pieces: [piece('前')] },
      { op: 'equal', pieces: [piece('言')] },
    ]);
  });

  it('keeps each footnote reference with its edition', () => {
    const old: Inline[] = [text('见'), { type: 'footnoteReference', id: '1' }, text('和'), { type: 'footnoteReference', id: '3' }];
    const neu: Inline[] = [text('参见'), { type: 'footnoteReference', id: '2' }];
    expect(textSegments(sides, old, neu)).toEqual([
      { op: 'insert', pieces: [piece('参')] },
      { op: 'equal', pieces: [piece('见'), { kind: 'footnote', side: 'new', id: '2' }] },
      { op: 'delete', pieces: [piece('和'), { kind: 'footnote', side: 'old', id: '3' }] },
    ]);
  });

  it('writes the text deleted then inserted whole when the words do not fit it', () => {
    const words: WordOp[] = [{ op: 'equal', text: '别的' }];
    expect(textSegments(sides, '引言', '前言', words)).toEqual([
      { op: 'delete', pieces: [piece('引言')] },
      { op: 'insert', pieces: [piece('前言')] },
    ]);
  });

  it('stays exact with a change list whose words do not fit the editions', async () => {
    const diff = diffEditions(old, edited);
    for (const change of diff.changes) if (change.words) change.words = [{ op: 'equal', text: '?' }];
    const bytes = (await renderDocxRedline(diff, old, edited)).value;
    expect(await read(rejectAll(bytes))).toEqual(content(underFooterOf(old, edited)));
    expect(await read(acceptAll(bytes))).toEqual(content(edited));
  });
});

describe('one edit of each kind: Reject All gives the old edition, Accept All and our reader the new one', () => {
  for (const [name, edit] of Object.entries(EDITS)) {
    it(name, async () => {
      const a = sampleModel();
      const b = sampleModel();
      edit(a, b);
      const bytes = await redline(a, b);
      const [oldView, newView] = [await read(await writeDocx(a)), await read(await writeDocx(b))];
      expect(oldView).not.toEqual(newView);
      expect(await read(rejectAll(bytes))).toEqual(await read(await writeDocx(underFooterOf(a, b))));
      expect(await read(acceptAll(bytes))).toEqual(newView);
      expect(await read(bytes)).toEqual(newView);
    });
  }
});

describe.skipIf(process.env.TSAG_LIBREOFFICE !== '1')('LibreOffice Accept All and Reject All', () => {
  it('give the new and the old edition, for 008C and for one edit of each kind', { timeout: 300_000 }, async () => {
    const cases: [QuestionsDocument, QuestionsDocument][] = [[old, edited]];
    for (const edit of Object.values(EDITS)) {
      const [a, b] = [sampleModel(), sampleModel()];
      edit(a, b);
      cases.push([a, b]);
    }
    const dir = mkdtempSync(join(tmpdir(), 'tsag-redline-'));
    const soffice = (args: string[]) =>
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', ...args], { stdio: 'ignore', timeout: 240_000 });
    const macros: string[] = [];
    for (const [i, [a, b]] of cases.entries()) {
      writeFileSync(join(dir, `${i}.docx`), await redline(a, b));
      for (const mode of ['accept', 'reject'])
        macros.push(`macro:///Standard.Module1.Run("file://${dir}/${i}.docx","file://${dir}/${i}-${mode}.docx","${mode}")`);
    }
    soffice(['--terminate_after_init']);
    mkdirSync(join(dir, 'profile/user/basic/Standard'), { recursive: true });
    writeFileSync(join(dir, 'profile/user/basic/Standard/Module1.xba'), LIBREOFFICE_MACRO);
    // One LibreOffice runs every macro, in order.
    soffice(macros);
    const views = cases.map((_, i) => ({
      accepted: readFileSync(join(dir, `${i}-accept.docx`)),
      rejected: readFileSync(join(dir, `${i}-reject.docx`)),
    }));
    rmSync(dir, { recursive: true, force: true });
    for (const [i, [a, b]] of cases.entries()) {
      const { accepted, rejected } = views[i]!;
      expect(await read(accepted)).toEqual(i === 0 ? content(edited) : await read(await writeDocx(b)));
      expect(await read(rejected)).toEqual(i === 0 ? content(underFooterOf(old, edited)) : await read(await writeDocx(underFooterOf(a, b))));
    }
  });
});

const LIBREOFFICE_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Run(inUrl As String, outUrl As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  If mode = &quot;reject&quot; Then
    dispatcher.executeDispatch(frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    dispatcher.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim sargs(0) As New com.sun.star.beans.PropertyValue
  sargs(0).Name = &quot;FilterName&quot;
  sargs(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(outUrl, sargs())
  doc.close(True)
End Sub
</script:module>
`;
