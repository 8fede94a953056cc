import type { LineHint } from '../assemble/lines.js';

/**
 * The style map: what a paragraph style of the ITU templates says about a line. Looked up by
 * style name, case-insensitively and ignoring spaces and underscores, then by style id, so
 * that LibreOffice's ids (`Enumlev1` for `enumlev1`, `Tabletitle` for `Table_title`) and
 * Word's (`Heading1` for `Heading 1`) find the same entry.
 *
 * A style that is not here gives no hint: the assembler decides from the text, as it does for
 * a text extraction.
 */
export type StyleMeaning =
  | LineHint
  /** A cell paragraph of a header row (`Table_head`); outside a table it says nothing. */
  | { kind: 'tableHeader' }
  /** A cell paragraph (`Table_text`); outside a table it says nothing. */
  | { kind: 'tableText' }
  /** A known style that says nothing about structure (`Normal`, `Footnote Text`). */
  | { kind: 'none' };

export const STYLE_MAP: Readonly<Record<string, StyleMeaning>> = {
  'Heading 1': { kind: 'heading', level: 1 },
  'Heading 2': { kind: 'heading', level: 2 },
  'Heading 3': { kind: 'heading', level: 3 },
  enumlev1: { kind: 'listItem', level: 1 },
  enumlev2: { kind: 'listItem', level: 2 },
  enumlev3: { kind: 'listItem', level: 3 },
  Table_title: { kind: 'caption' },
  Table_head: { kind: 'tableHeader' },
  Table_text: { kind: 'tableText' },
  Call: { kind: 'paragraph' },
  Questionhistory: { kind: 'paragraph' },
  Normal: { kind: 'none' },
  'Footnote Text': { kind: 'none' },
  // Word's own styles that a Questions text may use: headings below level 3, body and note text.
  'Heading 4': { kind: 'heading', level: 4 },
  'Heading 5': { kind: 'heading', level: 5 },
  'Heading 6': { kind: 'heading', level: 6 },
  'Body Text': { kind: 'none' },
  Body: { kind: 'none' },
  'Endnote Text': { kind: 'none' },
  'Annotation Text': { kind: 'none' },
  'List Paragraph': { kind: 'none' },
};

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/gu, '');
}

const BY_KEY = new Map(Object.entries(STYLE_MAP).map(([name, meaning]) => [normalise(name), meaning]));

/** The meaning of a paragraph style, by name then id; undefined when the style is unknown. */
export function styleMeaning(name: string | null | undefined, id: string | null | undefined): StyleMeaning | undefined {
  return (name ? BY_KEY.get(normalise(name)) : undefined) ?? (id ? BY_KEY.get(normalise(id)) : undefined);
}

/** The hint a paragraph outside a table gets from its style. */
export function paragraphHint(meaning: StyleMeaning | undefined): LineHint | undefined {
  switch (meaning?.kind) {
    case undefined:
    case 'none':
    case 'tableHeader':
    case 'tableText':
      return undefined;
    default:
      return meaning;
  }
}
