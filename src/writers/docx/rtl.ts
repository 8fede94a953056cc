/**
 * Right-to-left marks for a document in a right-to-left language (Arabic: `word.rtl` of the
 * language table), stamped into the XML parts after packing, so that every paragraph and run
 * gets them whoever built it: the body, footnotes and footer of `writeDocx`, and the tracked
 * insertions and deletions of a diff's redline, which make their own runs.
 *
 * - `w:bidi` in each paragraph's `w:pPr`: the paragraph runs right to left (its start is at
 *   the right, list markers and heading numbers included);
 * - `w:rtl` in each run's `w:rPr`: the run is complex script, laid out right to left; Latin
 *   codes in it (`Y.4100`, `1/20`) stay left to right by the Unicode bidi algorithm;
 * - `w:bidiVisual` in each table's `w:tblPr`: the first column is at the right.
 *
 * The text itself is never reordered: OOXML, like the model, stores text in logical order.
 * Each mark goes where the schema's sequence puts it (ECMA-376 Part 1, CT_PPr, CT_RPr,
 * CT_TblPr): Word refuses a part whose properties are out of order.
 */

/** Elements of CT_PPr that come after `w:bidi`. */
const AFTER_BIDI = [
  'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc',
  'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];
/** Elements of CT_RPr that come after `w:rtl`. */
const AFTER_RTL = ['cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange'];
/** Elements of CT_TblPr that come after `w:bidiVisual`. */
const AFTER_BIDI_VISUAL = [
  'tblStyleRowBandSize', 'tblStyleColBandSize', 'tblW', 'jc', 'tblCellSpacing', 'tblInd', 'tblBorders', 'shd',
  'tblLayout', 'tblCellMar', 'tblLook', 'tblCaption', 'tblDescription', 'tblPrChange',
];

// `<w:p>` and `<w:r>` with or without attributes, never `<w:pPr>`, `<w:rPr>`, `<w:rFonts>`…
const PARAGRAPH = /<w:p(\s[^>]*?)?(\/?)>(<w:pPr>([\s\S]*?)<\/w:pPr>)?/g;
const RUN = /<w:r(\s[^>]*?)?>(<w:rPr>([\s\S]*?)<\/w:rPr>)?/g;
const TABLE_PROPERTIES = /<w:tblPr>([\s\S]*?)<\/w:tblPr>/g;

/** A part's paragraphs, runs and tables marked right to left; marks already there are kept. */
export function markRightToLeft(xml: string): string {
  return xml
    .replace(PARAGRAPH, (whole, attributes: string | undefined, empty: string, pPr: string | undefined, inner: string | undefined) => {
      const open = `<w:p${attributes ?? ''}>`;
      if (empty === '/') return `${open}<w:pPr><w:bidi/></w:pPr></w:p>`;
      if (pPr === undefined) return `${open}<w:pPr><w:bidi/></w:pPr>`;
      return hasElement(inner ?? '', 'bidi') ? whole : `${open}<w:pPr>${insert(inner ?? '', '<w:bidi/>', AFTER_BIDI)}</w:pPr>`;
    })
    .replace(RUN, (whole, attributes: string | undefined, rPr: string | undefined, inner: string | undefined) => {
      const open = `<w:r${attributes ?? ''}>`;
      if (rPr === undefined) return `${open}<w:rPr><w:rtl/></w:rPr>`;
      return hasElement(inner ?? '', 'rtl') ? whole : `${open}<w:rPr>${insert(inner ?? '', '<w:rtl/>', AFTER_RTL)}</w:rPr>`;
    })
    .replace(TABLE_PROPERTIES, (whole, inner: string) =>
      hasElement(inner, 'bidiVisual') ? whole : `<w:tblPr>${insert(inner, '<w:bidiVisual/>', AFTER_BIDI_VISUAL)}</w:tblPr>`,
    );
}

function hasElement(xml: string, name: string): boolean {
  return new RegExp(`<w:${name}[\\s/>]`).test(xml);
}

/** `element` inserted before the first of `followers` in `xml`, or at its end. */
function insert(xml: string, element: string, followers: readonly string[]): string {
  const positions = followers.map((name) => xml.search(new RegExp(`<w:${name}[\\s/>]`))).filter((at) => at >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : xml.length;
  return xml.slice(0, at) + element + xml.slice(at);
}
