/**
 * The characters no tsag output holds, and the one function that drops them.
 *
 * The rule is XML 1.0's (Fifth Edition, §2.2 Characters), for every output but JSON:
 * - forbidden (not a `Char`: the XML would not be well-formed, and Word refuses the file):
 *   C0 controls other than TAB, LF and CR; lone surrogates; U+FFFE and U+FFFF;
 * - discouraged (the "compatibility characters" §2.2 lists): DEL and the C1 controls but NEL
 *   (U+007F–U+0084, U+0086–U+009F), U+FDD0–U+FDEF, and the last two code points of every plane.
 *
 * None of them is text an ITU document can mean: they come from damaged or mis-decoded sources
 * (a CP1252 dash read as Latin-1 is U+0096), and in a text or Markdown file ESC and CSI act on
 * the terminal that shows it. One rule for DOCX, Markdown and text means one model gives the
 * same text in every format. The JSON output keeps them: it is the model itself, and JSON
 * escapes every one of them (`\u0001`, `\udc00`).
 */
import type { QuestionsDocument } from '../model/document.js';
import { warning, type Place, type Read, type Warning } from '../model/result.js';

/** The plane-end noncharacters above the BMP: U+1FFFE, U+1FFFF, …, U+10FFFF. */
const ASTRAL_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`).join('');

// With the `u` flag, `\uD800-\uDFFF` matches a surrogate only when it is not half of a pair.
const NOT_IN_OUTPUT = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${ASTRAL_NONCHARACTERS}]`,
  'gu',
);

/** The warning code for characters dropped from an output. */
export const XML_CHAR_WARNING = 'output.xmlChar';

/** `text` without the characters no output holds. The same string when it has none. */
export function dropXmlChars(text: string): string {
  NOT_IN_OUTPUT.lastIndex = 0;
  return NOT_IN_OUTPUT.test(text) ? text.replace(NOT_IN_OUTPUT, '') : text;
}

/** The characters of `text` no output holds, in order. */
export function xmlCharsIn(text: string): string[] {
  return text.match(NOT_IN_OUTPUT) ?? [];
}

/** Where in the model a string is, as a warning names it. */
interface Where {
  place: Place;
  /** `Question 1/20, A.1`: for the message. */
  label: string;
}

/** What a container of the model is, when it decides the place of what it holds. */
type Role = 'questions' | 'sections' | 'footnotes' | 'other';

/**
 * The model with those characters dropped from every string, and one warning per place that
 * had any (the Question and section, the front matter, a footnote), with their count. The
 * same object when there are none. A warning names `file`, the file the model was read from
 * (by default the model's own `source.fileName`). `metadata.source` is kept as it is: it is the input's
 * provenance, written only as JSON (escaped), never as text.
 *
 * A walk with its own stack, not recursion: a list nested thousands deep is the input's to
 * choose, the call stack is not.
 */
export function withoutXmlChars(doc: QuestionsDocument, file = doc.metadata.source.fileName): Read<QuestionsDocument> {
  const found = new Map<string, { where: Where; characters: string[] }>();
  const root: Where = { place: { file }, label: 'the document' };
  const copy: Record<string, unknown> = {};
  const stack: { from: object; to: Record<string, unknown>; where: Where; role: Role }[] = [
    { from: doc, to: copy, where: root, role: 'other' },
  ];
  while (stack.length > 0) {
    const { from, to, where, role } = stack.pop()!;
    const children: typeof stack = [];
    for (const [key, value] of Object.entries(from)) {
      const here = role === 'other' ? (from === doc ? topLevelPlace(doc, key, where) : where) : memberPlace(role, value, where);
      if (typeof value === 'string') {
        const characters = xmlCharsIn(value);
        if (characters.length > 0) {
          const entry = found.get(here.label) ?? { where: here, characters: [] };
          for (const character of characters) entry.characters.push(character);
          found.set(here.label, entry);
        }
        to[key] = characters.length > 0 ? dropXmlChars(value) : value;
      } else if (value !== null && typeof value === 'object' && !(from === doc.metadata && key === 'source')) {
        const child = (Array.isArray(value) ? [] : {}) as Record<string, unknown>;
        to[key] = child;
        children.push({ from: value, to: child, where: here, role: Array.isArray(value) ? roleOf(from === doc, key) : 'other' });
      } else to[key] = value;
    }
    // Pushed last first, so that places are met (and warned about) in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  if (found.size === 0) return { value: doc, warnings: [] };
  const warnings = [...found.values()].map(({ where, characters }) => xmlCharWarning(where, characters));
  return { value: copy as unknown as QuestionsDocument, warnings };
}

/** The Questions and footnotes are fields of the document; `sections` is a field of a Question only. */
function roleOf(topLevel: boolean, key: string): Role {
  if (topLevel) return key === 'questions' || key === 'footnotes' ? key : 'other';
  return key === 'sections' ? key : 'other';
}

/** The place of a top-level field: the front matter by its heading's number, the metadata, … */
function topLevelPlace(doc: QuestionsDocument, key: string, root: Where): Where {
  switch (key) {
    case 'frontMatter':
      return at(root, doc.frontMatter.heading.number || 'front matter', 'front matter');
    case 'questionsHeading':
      return at(root, doc.questionsHeading.number || 'Questions heading', 'Questions heading');
    case 'metadata':
      return at(root, 'metadata', 'metadata');
    default:
      return root;
  }
}

/** The place of a member of the Questions (`1/20`), of a Question's sections (`A.1`) or of the footnotes. */
function memberPlace(role: Exclude<Role, 'other'>, value: unknown, parent: Where): Where {
  const field = (name: string): string => {
    const member = (value as Record<string, unknown> | null)?.[name];
    return typeof member === 'string' ? member : '?';
  };
  switch (role) {
    case 'questions':
      return at(parent, field('number'), `Question ${field('number')}`);
    case 'sections':
      return at(parent, field('number'), `${parent.label}, section ${field('number')}`);
    case 'footnotes':
      return at(parent, `footnote ${field('id')}`, `footnote ${field('id')}`);
  }
}

function at(parent: Where, section: string, label: string): Where {
  return { place: { ...parent.place, section }, label };
}

/** At most this many distinct characters are named in a warning. */
const NAMED = 5;

function xmlCharWarning({ place, label }: Where, characters: readonly string[]): Warning {
  const distinct = [...new Set(characters)];
  const names = distinct.slice(0, NAMED).map(codePoint).join(', ') + (distinct.length > NAMED ? ', …' : '');
  const count = characters.length === 1 ? '1 character' : `${characters.length} characters`;
  return warning(XML_CHAR_WARNING, place, `dropped ${count} that XML 1.0 forbids or discourages (${names}) from ${label}`);
}

/** `U+0001`, `U+DC00`, `U+1FFFE`. */
function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
