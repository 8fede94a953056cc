import { AlignmentType } from 'docx';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import type { WordSettings } from '../../model/languages.js';

/**
 * Paragraph style ids. Headings are Word's built-in `Heading1`–`3` (names `heading 1`…), so the
 * navigation pane, outline view and a table of contents work. The other styles are those of the
 * ITU template, with the names ITU documents use (`enumlev1`, `Table_head`) and the ids Word
 * derives from those names (it drops the underscore: `Tablehead`). Readers match on names.
 */
export const STYLE = {
  heading: ['Heading1', 'Heading2', 'Heading3'],
  normal: 'Normal',
  call: 'Call',
  questionHistory: 'Questionhistory',
  enumlev: ['enumlev1', 'enumlev2', 'enumlev3'],
  tableTitle: 'Tabletitle',
  tableHead: 'Tablehead',
  tableText: 'Tabletext',
  footer: 'Footer',
  footnoteText: 'FootnoteText',
} as const;

/** The character style of links (one of docx's default styles). */
export const HYPERLINK_STYLE = 'Hyperlink';

/** The style of list items `depth` levels down (0 = top), the deepest ITU level for deeper ones. */
export function enumlevStyle(depth: number): string {
  return STYLE.enumlev[Math.min(depth, STYLE.enumlev.length - 1)] ?? STYLE.enumlev[0];
}

/** The style of a heading of `level` 1 to 3. */
export function headingStyle(level: 1 | 2 | 3): string {
  return STYLE.heading[level - 1] ?? STYLE.heading[0];
}

// Twentieths of a point. List and heading numbers hang at 794 (1.4 cm), deeper lists step by 397.
const INDENT = 794;
const STEP = 397;
/** Half-points. */
const BODY_SIZE = 24;
const TABLE_SIZE = 22;

function heading(level: 1 | 2 | 3, before: number): IParagraphStyleOptions {
  return {
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    paragraph: {
      keepNext: true,
      keepLines: true,
      spacing: { before, after: 0 },
      indent: { left: INDENT, hanging: INDENT },
      outlineLevel: level - 1,
    },
    run: { bold: true, size: BODY_SIZE, color: 'auto' },
  };
}

function enumlev(level: 1 | 2 | 3): IParagraphStyleOptions {
  const left = INDENT + (level - 1) * STEP;
  return {
    id: `enumlev${level}`,
    name: `enumlev${level}`,
    basedOn: STYLE.normal,
    quickFormat: true,
    paragraph: {
      spacing: { before: 80, after: 0 },
      // The marker sits in the hanging part and a tab takes the text to the indent.
      indent: { left, hanging: level === 1 ? INDENT : STEP },
    },
  };
}

const ITU_STYLES: IParagraphStyleOptions[] = [
  {
    id: STYLE.normal,
    name: 'Normal',
    quickFormat: true,
    // Tab stops every 794 come from the document's default tab stop (style options have no tabs).
    paragraph: { spacing: { before: 120, after: 0 } },
  },
  heading(1, 360),
  heading(2, 240),
  heading(3, 160),
  {
    id: STYLE.call,
    name: 'Call',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    paragraph: { keepNext: true, keepLines: true, indent: { left: INDENT } },
    run: { italics: true },
  },
  {
    id: STYLE.questionHistory,
    name: 'Questionhistory',
    basedOn: STYLE.normal,
    quickFormat: true,
    paragraph: { keepNext: true, spacing: { before: 80, after: 0 }, alignment: AlignmentType.CENTER },
  },
  enumlev(1),
  enumlev(2),
  enumlev(3),
  {
    id: STYLE.tableTitle,
    name: 'Table_title',
    basedOn: STYLE.normal,
    next: STYLE.tableText,
    quickFormat: true,
    paragraph: { keepNext: true, spacing: { before: 360, after: 120 }, alignment: AlignmentType.CENTER },
    run: { bold: true },
  },
  {
    id: STYLE.tableHead,
    name: 'Table_head',
    basedOn: STYLE.normal,
    quickFormat: true,
    paragraph: { keepNext: true, spacing: { before: 80, after: 80 }, alignment: AlignmentType.CENTER },
    run: { bold: true, size: TABLE_SIZE },
  },
  {
    id: STYLE.tableText,
    name: 'Table_text',
    basedOn: STYLE.normal,
    quickFormat: true,
    paragraph: { spacing: { before: 40, after: 40 } },
    run: { size: TABLE_SIZE },
  },
  {
    id: STYLE.footer,
    name: 'footer',
    basedOn: STYLE.normal,
    paragraph: { spacing: { before: 0, after: 0 } },
    run: { size: 16 },
  },
  {
    id: STYLE.footnoteText,
    name: 'footnote text',
    basedOn: STYLE.normal,
    paragraph: { spacing: { before: 0, after: 0 } },
    run: { size: 20 },
  },
];

/** The document's styles: run defaults for the language (fonts by script, `w:lang`) and ITU's styles. */
export function documentStyles(word: WordSettings): IStylesOptions {
  const { lang, fonts } = word;
  return {
    default: {
      document: {
        run: {
          font: fonts,
          size: BODY_SIZE,
          language: {
            value: lang.val,
            ...(lang.eastAsia === undefined ? {} : { eastAsia: lang.eastAsia }),
            ...(lang.bidi === undefined ? {} : { bidirectional: lang.bidi }),
          },
        },
      },
    },
    paragraphStyles: ITU_STYLES,
  };
}
