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
 * - runs side by side that hold only text (`w:t`) and tabs become one run, without their
 *   properties (`w:rPr`: formatting, which tsag does not read), and the texts inside it one
 *   `w:t` where they touch. Word also splits runs wherever the language or font changes, as it
 *   does between Chinese and Latin text.
 *
 * The text mammoth gives is the same, character for character (test/readers/docx-simplify.test.ts
 * compares what `readBody` gets from both, on the fixtures and the corpus). For 008C.docx the
 * body's 1745 runs become 488, and mammoth takes about two thirds of the time; the corpus's
 * 21 718 runs become 7 129.
 *
 * A part that holds a comment, a CDATA section or a processing instruction after the XML
 * declaration is left as it is: the tokenizer here knows only tags and text. So is a part where
 * `w:` is not WordprocessingML (the parser reads the root's declarations): mammoth reads any
 * prefix by namespace, and an unsimplified part reads the same, only slower.
 *
 * Why patterns and not the parser: this is a rewrite of Word's XML for mammoth, not a reading
 * of it (mammoth reads the result, and the test above checks it reads the same). Done with
 * xmldom and XMLSerializer it costs more than mammoth's whole read. Measured on Node 20 (median
 * of 5): for 008C-x20.docx's 2.6 MB document.xml, parse 1 695 ms and serialize 375 ms, a
 * parse without a tree (xmldom's SAX events) 444 ms, these patterns 34 ms, and tsag's whole
 * DOCX read 1.4 s; for 008C.docx's 134 KB, parse 64 ms + serialize 10 ms against 4 ms here and
 * 58 ms for the whole read.
 */
import { NS, rootStartTag } from './dom.js';
import type { ScreenedPackage } from './guards.js';

// Every pattern here is linear on a part that passed the screen (well-formed: a `<` always
// starts a tag, every tag ends): each alternative starts with a different character, so a
// failed match gives back at most what it took once, and no match can run past the next run.
// test/readers/docx-linear.test.ts runs each on a large hostile case.

/** A tag, with quoted attribute values that may hold `>`. Text between tags holds no `<`. */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/**
 * One attribute, with the white space before it. The look-behind lets a match start only at the
 * first of several white space characters: without it, trailing white space in a tag (legal,
 * `<w:p w:rsidR="1"   />`) was tried from each of its characters, quadratic in its length.
 */
const ATTRIBUTE = /(?<!\s)\s+([^\s=>/]+)\s*=\s*(?:"[^"]*"|'[^']*')/g;
const DROPPED = /<w:(?:proofErr|lastRenderedPageBreak|bookmarkStart|bookmarkEnd)\b(?:[^>"']|"[^"]*"|'[^']*')*\/>/g;
const UNHANDLED = /<!--|<!\[CDATA\[|<\?(?!xml[\s?])/;

/**
 * A run that holds only text and tabs, after an optional `w:rPr`. The `w:rPr` ends at its end
 * tag, which may hold white space (`</w:rPr >`), and never reaches into another run or `w:rPr`:
 * a `w:rPr` whose end the pattern does not find must fail there, not at the end of the part,
 * or each of 40 000 such runs would be matched against the rest of the part (quadratic).
 */
const SIMPLE_RUN =
  /<w:r>(<w:rPr>(?:[^<]|<(?!\/w:rPr\s*>|w:rPr?[\s/>]))*<\/w:rPr\s*>)?((?:<w:t(?: xml:space="preserve")?>[^<]*<\/w:t>|<w:tab\/>)+)<\/w:r>/g;
const TEXT_JOIN = /<\/w:t><w:t(?: xml:space="preserve")?>/g;
const TEXT_OPEN = /<w:t>/g;

/**
 * The parts of a screened package, its content parts simplified: the main part, and the notes
 * parts by name. The screen has decoded every part (`texts`) and made its bytes UTF-8.
 */
export function simplifyContentParts({ parts, texts, mainPart }: ScreenedPackage): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const [name, xml] of texts) {
    if (name !== mainPart && !NOTES_PART.test(name)) continue;
    const simplified = simplifyContentXml(xml);
    if (simplified !== xml) out.set(name, new TextEncoder().encode(simplified));
  }
  return out;
}

const NOTES_PART = /(?:^|\/)(?:footnotes|endnotes)\.xml$/i;

export function simplifyContentXml(xml: string): string {
  if (UNHANDLED.test(xml) || !wIsWordprocessingML(xml)) return xml;
  return mergeRuns(dropNoise(xml));
}

/**
 * The patterns here name WordprocessingML by its usual prefix `w:`. They run only when the
 * parser says the root binds `w` to that namespace (or binds no `w`: a fragment) and no other
 * tag declares `w` again; a part written with another prefix (`x:`) is left as it is, and
 * mammoth, which reads by namespace, reads it unsimplified.
 */
function wIsWordprocessingML(xml: string): boolean {
  const bound = rootStartTag(xml)?.declares.get('w');
  if (bound !== undefined && !(NS.w as readonly string[]).includes(bound)) return false;
  return declarationsOfW(xml) <= (bound === undefined ? 0 : 1);
}

/** How many times `xmlns:w` is declared (not `xmlns:w14`): an indexOf loop, a few dozen hits in a root. */
function declarationsOfW(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('xmlns:w'); at !== -1; at = xml.indexOf('xmlns:w', at + 7)) {
    const next = xml[at + 7];
    if (next === '=' || next === ' ' || next === '\t' || next === '\n' || next === '\r') count++;
  }
  return count;
}

/**
 * Drops the elements mammoth and readBody ignore, then `w:rsid…` attributes. A `<` in XML always
 * starts markup (text and attribute values cannot hold one), so a pattern that starts with `<`
 * and a name finds only tags; attributes are matched one after another from the tag's name, so
 * that a quoted value is never taken for an attribute.
 */
function dropNoise(xml: string): string {
  const dropped = xml.replace(DROPPED, '');
  if (!dropped.includes('w:rsid')) return dropped;
  return dropped.replace(TAG, (tag) =>
    tag[1] === '/' || !tag.includes('w:rsid')
      ? tag
      : tag.replace(ATTRIBUTE, (attribute, name: string) => (name.startsWith('w:rsid') ? '' : attribute)),
  );
}

/**
 * Joins runs side by side that hold only text and tabs into one run without properties: their
 * `w:rPr` is formatting (fonts, language, bold…), which mammoth reads and tsag then drops.
 */
function mergeRuns(xml: string): string {
  const out: string[] = [];
  let at = 0;
  // The content of the run being built, in pieces; undefined when none is being built.
  let content: string[] | undefined;
  const flush = (): void => {
    if (content === undefined) return;
    out.push('<w:r>', joinTexts(content.join('')), '</w:r>');
    content = undefined;
  };
  SIMPLE_RUN.lastIndex = 0;
  for (let match = SIMPLE_RUN.exec(xml); match !== null; match = SIMPLE_RUN.exec(xml)) {
    if (content !== undefined && at === match.index) {
      content.push(match[2] ?? '');
    } else {
      flush();
      out.push(xml.slice(at, match.index));
      content = [match[2] ?? ''];
    }
    at = match.index + match[0].length;
  }
  flush();
  out.push(xml.slice(at));
  return out.join('');
}

/** `<w:t>a</w:t><w:t>b</w:t>` → `<w:t xml:space="preserve">ab</w:t>`. */
function joinTexts(content: string): string {
  return content.replace(TEXT_JOIN, '').replace(TEXT_OPEN, '<w:t xml:space="preserve">');
}
