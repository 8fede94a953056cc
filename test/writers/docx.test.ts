import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { questionBookmarks, splitUrls, writeDocx } from '../../src/writers/docx/index.js';
import { FIXED_DATE, withHyperlinks } from '../../src/writers/docx/package.js';
import { sampleModel } from '../helpers/sample-model.js';

const URL = 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=2/20';

async function parts(doc: QuestionsDocument = sampleModel()): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(doc));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

interface Para {
  style: string;
  text: string;
  xml: string;
}

/** The paragraphs of a part: style id and text, tabs as `\t`. */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]*)"/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[0] === '<w:tab/>' ? '\t' : decode(t[1] ?? ''))).join('');
    return { style, text, xml: body };
  });
}

function texts(xml: string, style: string): string[] {
  return paragraphs(xml)
    .filter((p) => p.style === style)
    .map((p) => p.text);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('writeDocx', () => {
  it('writes a valid zip with [Content_Types].xml first and fixed entry times', async () => {
    const bytes = await writeDocx(sampleModel());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    const nameLength = view.getUint16(26, true);
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))).toBe('[Content_Types].xml');
    // DOS time 00:00, date 1980-01-01 (day 1 | month 1 << 5 | year 0 << 9), whatever the time zone.
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(33);
    const names = Object.keys(unzipSync(bytes));
    expect(names).toContain('word/document.xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
  });

  it('writes headings in Heading1-3 with the number as text then a tab', async () => {
    const doc = (await parts())['word/document.xml'] ?? '';
    expect(texts(doc, 'Heading1')).toEqual(['1\t引言', '2\t课题的措辞']);
    expect(texts(doc, 'Heading2')).toEqual(['A\t第1/20号课题 – 物联网的互操作性', 'B\t第2/20号课题 – 垂直行业的需求']);
    expect(texts(doc, 'Heading3')).toEqual(['A.1\t目的', 'A.2\t课题', 'A.3\t任务', 'A.4\t关系', 'B.1\t目的', 'B.3\t任务', 'B.4\t关系']);
    // An empty section is its heading alone.
    const all = paragraphs(doc);
    const empty = all.findIndex((p) => p.text === 'A.3\t任务');
    expect(all[empty + 1]?.text).toBe('A.4\t关系');
  });

  it("defines Word's heading styles and the ITU styles", async () => {
    const styles = (await parts())['word/styles.xml'] ?? '';
    for (const level of [1, 2, 3]) {
      expect(styles).toMatch(
        new RegExp(`w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>[\\s\\S]*?<w:outlineLvl w:val="${level - 1}"/>`),
      );
    }
    for (const name of ['enumlev1', 'enumlev2', 'Call', 'Questionhistory', 'Table_head', 'Table_text', 'Table_title']) {
      expect(styles).toContain(`<w:name w:val="${name}"/>`);
    }
  });

  it('writes notes, lead-ins, relationship labels and lists in ITU styles', async () => {
    const doc = (await parts())['word/document.xml'] ?? '';
    expect(texts(doc, 'Questionhistory')).toEqual(['（第1/20号课题的继续）']);
    expect(texts(doc, 'Call')).toEqual(['研究项目包括，但不限于：', 'WSIS行动方面：', '可持续发展目标：', '建议书：', '其它机构：', '课题：']);
    expect(texts(doc, 'enumlev1')).toEqual([
      '–\t需要开展哪些新的工作？',
      '–\t如何提供数据互操作性？',
      '–\tC2、C3、C5',
      '–\t9、10 和 11',
      '–\tY.4000系列 包括Y.4100/Y.2066、F.748.0',
      '–\t3GPP',
      '–\tISO/IEC JTC 1/SC 41',
      '–\t第1/20号课题',
    ]);
    expect(texts(doc, 'enumlev2')).toEqual(['•\t物联网应用和服务的用例；', '•\t需求和架构。']);
    // Nested items come right after their parent.
    const styles = paragraphs(doc).map((p) => p.style);
    const first = styles.indexOf('enumlev1');
    expect(styles.slice(first, first + 4)).toEqual(['enumlev1', 'enumlev2', 'enumlev2', 'enumlev1']);
  });

  it('writes Table 1 as a 5-column table with a repeated header row, after its caption', async () => {
    const doc = (await parts())['word/document.xml'] ?? '';
    const tables = [...doc.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)];
    expect(tables).toHaveLength(1);
    const table = tables[0]?.[1] ?? '';
    expect(table.match(/<w:gridCol /g)).toHaveLength(5);
    expect(table).toMatch(/<w:tblBorders>/);
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1] ?? '');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/<w:trPr>[\s\S]*?<w:tblHeader\/>/);
    expect(rows.slice(1).join('')).not.toContain('<w:tblHeader');
    for (const row of rows) expect(row.match(/<w:tc>/g)).toHaveLength(5);
    expect(texts(rows[0] ?? '', 'Tablehead')).toEqual(['新序号', '当前的课题标题', '状态', '原序号', '先前的课题标题']);
    expect(texts(rows[1] ?? '', 'Tabletext')).toEqual(['1/20', '物联网的互操作性', '第1/20号课题的继续', '1/20', '端到端连接']);
    expect(texts(rows[2] ?? '', 'Tabletext')).toEqual(['2/20', '垂直行业的需求', '新课题', '', '']);
    const caption = paragraphs(doc.slice(0, doc.indexOf('<w:tbl>'))).at(-1);
    expect(caption).toMatchObject({ style: 'Tabletitle', text: '表1 – 第20研究组有效课题和先前课题对比图' });
  });

  it('writes footnote references as real footnotes', async () => {
    const all = await parts();
    const doc = all['word/document.xml'] ?? '';
    const para = paragraphs(doc).find((p) => p.xml.includes('<w:footnoteReference'));
    expect(para?.xml).toContain('<w:footnoteReference w:id="1"/>');
    expect(para?.text).toBe('对安全、隐私的影响可能会阻碍其总体市场发展。');
    const footnote = /<w:footnote w:id="1">([\s\S]*?)<\/w:footnote>/.exec(all['word/footnotes.xml'] ?? '')?.[1] ?? '';
    expect(footnote).toContain('<w:footnoteRef/>');
    expect(paragraphs(footnote).map((p) => p.text)).toEqual(['根据WTSA第2号决议（2016年，哈马马特）']);
  });

  it('links URLs, showing the URL, the text around it unchanged', async () => {
    const all = await parts();
    const doc = all['word/document.xml'] ?? '';
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(doc);
    expect(paragraphs(`<w:p>${link?.[2] ?? ''}</w:p>`)[0]?.text).toBe(URL);
    const rels = all['word/_rels/document.xml.rels'] ?? '';
    const rel = new RegExp(`<Relationship Id="${link?.[1] ?? ''}" [^>]*/>`).exec(rels)?.[0] ?? '';
    expect(rel).toContain(`Target="${URL}"`);
    expect(rel).toContain('TargetMode="External"');
    expect(rel).toContain('relationships/hyperlink');
    expect(paragraphs(doc).map((p) => p.text)).toContain(`此课题的最新工作状况见第20研究组的工作计划（${URL}）`);
  });

  it('sets fonts by script, the language, the title and dc:language', async () => {
    const all = await parts();
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(all['word/styles.xml'] ?? '')?.[1] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:hAnsi="Times New Roman"/);
    expect(defaults).toMatch(/<w:lang w:val="en-GB" w:eastAsia="zh-CN"\/>/);
    const core = all['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
    expect(core).toContain('<dc:title>课题的措辞</dc:title>');
  });

  it('bookmarks each Question heading with a clean, unique name', async () => {
    const doc = (await parts())['word/document.xml'] ?? '';
    const starts = [...doc.matchAll(/<w:bookmarkStart ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    const names = starts.map((attrs) => /w:name="([^"]*)"/.exec(attrs)?.[1]);
    expect(names).toEqual(['Q1_20', 'Q2_20']);
    for (const name of names) expect(name).toMatch(/^Q\d+_\d+$/);
    const ids = starts.map((attrs) => /w:id="([^"]*)"/.exec(attrs)?.[1]);
    expect(ids).toEqual(['0', '1']);
    const headings = paragraphs(doc).filter((p) => p.style === 'Heading2');
    expect(headings.map((p) => /w:name="([^"]*)"/.exec(p.xml)?.[1])).toEqual(['Q1_20', 'Q2_20']);
    for (const p of headings) expect(p.xml).toMatch(/<w:bookmarkEnd w:id="\d+"\/>$/);
  });

  it('puts the footer text in the page footer, and writes no footer without one', async () => {
    const all = await parts();
    expect(paragraphs(all['word/footer1.xml'] ?? '').map((p) => p.text)).toEqual(['L:\\SAMPLE.DOCX\t27.01.21\t25.11.19']);
    const { footer: _, ...metadata } = sampleModel().metadata;
    const bare = await parts({ ...sampleModel(), metadata });
    expect(Object.keys(bare).filter((name) => name.startsWith('word/footer'))).toEqual([]);
  });

  it('refuses a reference to a footnote the model does not have', async () => {
    const doc = sampleModel();
    doc.footnotes = [];
    await expect(writeDocx(doc)).rejects.toThrow(/unknown footnote "1"/);
  });

  it('extracts as text with markers and heading numbers followed by a tab', async () => {
    const bytes = await writeDocx(sampleModel());
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const lines = value.split('\n').filter((line) => line !== '');
    expect(lines).toContain('A.2\t课题');
    expect(lines).toContain('–\t需要开展哪些新的工作？');
    expect(lines).toContain('•\t需求和架构。');
  });
});

describe('writeDocx determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gives the same bytes for the same model, whatever the clock and random numbers', async () => {
    // Only Date is faked: docx packs through timers that must keep running.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    const first = await writeDocx(sampleModel());
    vi.setSystemTime(new Date('2042-12-31T23:59:59Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.75);
    const second = await writeDocx(sampleModel());
    vi.useRealTimers();
    vi.restoreAllMocks();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const third = await writeDocx(sampleModel());
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(third)).toBe(sha256(first));
  });

  it('writes fixed dates in core.xml', async () => {
    const core = (await parts())['docProps/core.xml'] ?? '';
    expect(core).not.toContain(String(new Date().getFullYear()));
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified>`);
  });

  it('leaves no random relationship ids', async () => {
    const all = await parts();
    for (const [name, xml] of Object.entries(all)) {
      if (!name.endsWith('.rels')) continue;
      for (const m of xml.matchAll(/\bId="([^"]*)"/g)) expect(m[1]).toMatch(/^rId\d+$/);
    }
  });
});

describe('package relationships', () => {
  const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const listed = [
    { id: 'rId1', type: `${TYPE}/styles`, target: 'styles.xml', external: false },
    { id: 'rId7', type: `${TYPE}/theme`, target: 'theme/theme1.xml', external: false },
    { id: 'rId8', type: `${TYPE}/fontTable`, target: 'fontTable.xml', external: false },
  ];

  it('lists hyperlinks before the font table, numbered after it, the font table after the hyperlinks', () => {
    const [xml, ids] = withHyperlinks(listed, ['https://a.org/?x=1&y=2', 'https://b.org']);
    expect(ids).toEqual(['rId11', 'rId12']);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${TYPE}/styles" Target="styles.xml"/><Relationship Id="rId7" Type="${TYPE}/theme" Target="theme/theme1.xml"/>` +
        `<Relationship Id="rId11" Type="${TYPE}/hyperlink" Target="https://a.org/?x=1&amp;y=2" TargetMode="External"/>` +
        `<Relationship Id="rId12" Type="${TYPE}/hyperlink" Target="https://b.org" TargetMode="External"/>` +
        `<Relationship Id="rId10" Type="${TYPE}/fontTable" Target="fontTable.xml"/></Relationships>`,
    );
  });

  it('numbers from rId1 in a part with no relationships, and leaves a part without hyperlinks as docx wrote it', () => {
    expect(withHyperlinks([], ['https://a.org'])[1]).toEqual(['rId1']);
    expect(withHyperlinks(listed, [])).toEqual([undefined, []]);
  });
});

describe('questionBookmarks', () => {
  const question = (number: string) => sampleModel().questions.map((q) => ({ ...q, number }))[0]!;

  it('names Questions by number, keeping only letters, digits and underscores, unique', () => {
    expect(questionBookmarks([question('1/20'), question('12/20'), question('1/20'), question('3/20 bis')])).toEqual([
      'Q1_20',
      'Q12_20',
      'Q1_20_2',
      'Q3_20_bis',
    ]);
  });
});

describe('splitUrls', () => {
  it('splits out URLs, ending them at CJK punctuation, and joins back to the text', () => {
    const text = `见工作计划（${URL}）。另见 https://example.org/a.`;
    const pieces = splitUrls(text);
    expect(pieces.filter((p) => p.kind === 'url').map((p) => p.value)).toEqual([URL, 'https://example.org/a']);
    expect(pieces.map((p) => p.value).join('')).toBe(text);
  });

  it('leaves text without URLs as one piece', () => {
    expect(splitUrls('没有链接')).toEqual([{ kind: 'text', value: '没有链接' }]);
  });
});
