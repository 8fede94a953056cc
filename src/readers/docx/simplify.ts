/**
 * Less XML that mammoth reads as the same document: run on the content parts (body, footnotes,
 * endnotes) after the screen and before mammoth.
 *
 * Word splits the text of a paragraph into many runs: at every editing session (the `w:rsid…`
 * attributes), spell-check mark (`w:proofErr`) and bookmark. Each run costs mammoth an XML
 * element, a document object and a pass of its style and property readers. Here:
 *
 * - `w:rsid…` attributes go, and so do `w:proofErr`, `w:lastRenderedPageBreak`, `w:bookmarkStart`
 *   and `w:bookmarkEnd` elements (self-closing ones): mammoth ignores the first three, and
 *   `readBody` drops bookmarks;
 * - runs side by side with the same properties (`w:rPr`, compared as text) that hold only text
 *   (`w:t`) and tabs become one run, and the texts inside it one `w:t` where they touch.
 *
 * The text mammoth gives is the same, character for character (test/readers/docx-simplify.test.ts
 * compares what `readBody` gets from both, on the fixtures and the corpus). For 008C.docx the
 * body's 1745 runs become 488, and mammoth takes about two thirds of the time.
 *
 * A part that holds a comment, a CDATA section or a processing instruction after the XML
 * declaration is left as it is: the tokenizer here knows only tags and text.
 */

/** A tag, with quoted attribute values that may hold `>`. Text between tags holds no `<`. */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const RSID = /\s+w:rsid[A-Za-z]*\s*=\s*(?:"[^"]*"|'[^']*')/g;
const DROPPED = /^<w:(?:proofErr|lastRenderedPageBreak|bookmarkStart|bookmarkEnd)\b(?:[^>"']|"[^"]*"|'[^']*')*\/>$/;
const UNHANDLED = /<!--|<!\[CDATA\[|<\?(?!xml[\s?])/;

/** A run that holds only text and tabs, after an optional `w:rPr`. */
const SIMPLE_RUN =
  /<w:r>(<w:rPr>(?:[^<]|<(?!\/w:rPr>))*<\/w:rPr>)?((?:<w:t(?: xml:space="preserve")?>[^<]*<\/w:t>|<w:tab\/>)+)<\/w:r>/g;
const TEXT_JOIN = /<\/w:t><w:t(?: xml:space="preserve")?>/g;
const TEXT_OPEN = /<w:t>/g;

/**
 * The package with its content parts simplified: the main part, and the notes parts by name.
 * Parts in UTF-16 are left as they are (they are passed on as bytes in their own encoding).
 */
export function simplifyContentParts(parts: ReadonlyMap<string, Uint8Array>, mainPart: string): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const [name, bytes] of parts) {
    if (name !== mainPart && !NOTES_PART.test(name)) continue;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) continue;
    const xml = new TextDecoder('utf-8').decode(bytes);
    const simplified = simplifyContentXml(xml);
    if (simplified !== xml) out.set(name, new TextEncoder().encode(simplified));
  }
  return out;
}

const NOTES_PART = /(?:^|\/)(?:footnotes|endnotes)\.xml$/i;

export function simplifyContentXml(xml: string): string {
  if (UNHANDLED.test(xml)) return xml;
  return mergeRuns(dropNoise(xml));
}

/** Drops `w:rsid…` attributes and the elements mammoth and readBody ignore. */
function dropNoise(xml: string): string {
  let out = '';
  let at = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(xml); match !== null; match = TAG.exec(xml)) {
    const tag = match[0];
    out += xml.slice(at, match.index);
    at = match.index + tag.length;
    if (DROPPED.test(tag)) continue;
    out += tag.includes('w:rsid') && tag[1] !== '/' ? tag.replace(RSID, '') : tag;
  }
  return out + xml.slice(at);
}

/** Joins runs side by side with the same properties that hold only text and tabs. */
function mergeRuns(xml: string): string {
  let out = '';
  let at = 0;
  // The run being built: its properties, its content, and where the source's last run of it ended.
  let pending: { properties: string; content: string; end: number } | undefined;
  const flush = (): void => {
    if (pending === undefined) return;
    out += `<w:r>${pending.properties}${joinTexts(pending.content)}</w:r>`;
    pending = undefined;
  };
  SIMPLE_RUN.lastIndex = 0;
  for (let match = SIMPLE_RUN.exec(xml); match !== null; match = SIMPLE_RUN.exec(xml)) {
    const properties = match[1] ?? '';
    const content = match[2] ?? '';
    if (pending !== undefined && pending.end === match.index && pending.properties === properties) {
      pending.content += content;
      pending.end = at = match.index + match[0].length;
      continue;
    }
    flush();
    out += xml.slice(at, match.index);
    pending = { properties, content, end: match.index + match[0].length };
    at = pending.end;
  }
  flush();
  return out + xml.slice(at);
}

/** `<w:t>a</w:t><w:t>b</w:t>` → `<w:t xml:space="preserve">ab</w:t>`. */
function joinTexts(content: string): string {
  return content.replace(TEXT_JOIN, '').replace(TEXT_OPEN, '<w:t xml:space="preserve">');
}
