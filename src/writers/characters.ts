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
 * same object when there are none, and then nothing is copied. A warning names `file`, the
 * file the model was read from (by default the model's own `source.fileName`).
 * `metadata.source` is kept as it is: it is the input's provenance, written only as JSON
 * (escaped), never as text.
 *
 * Walks with their own stack, not recursion: a list nested thousands deep is the input's to
 * choose, the call stack is not.
 */
export function withoutXmlChars(doc: QuestionsDocument, file = doc.metadata.source.fileName): Read<QuestionsDocument> {
  // The common case, a clean model, costs one walk that names no place.
  if (!anyXmlChars(doc)) return { value: doc, warnings: [] };
  const dirty = stringsWithXmlChars(doc, { place: { file }, label: 'the document' });
  if (dirty.length === 0) return { value: doc, warnings: [] };
  const copies = deepCopies(doc);
  const found = new Map<string, { where: Where; characters: string[] }>();
  for (const { owner, key, where } of dirty) {
    const value = owner[key] as string;
    copies.get(owner)![key] = dropXmlChars(value);
    const entry = found.get(where.label) ?? { where, characters: [] };
    for (const character of xmlCharsIn(value)) entry.characters.push(character);
    found.set(where.label, entry);
  }
  const warnings = [...found.values()].map(({ where, characters }) => xmlCharWarning(where, characters));
  return { value: copies.get(doc) as unknown as QuestionsDocument, warnings };
}

/** A string member of the model that holds characters no output holds, and its place. */
/** Whether any string of the model (its source metadata aside) holds a character to drop. */
function anyXmlChars(doc: QuestionsDocument): boolean {
  const stack: unknown[] = [doc];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (typeof value === 'string') {
      NOT_IN_OUTPUT.lastIndex = 0;
      if (NOT_IN_OUTPUT.test(value)) return true;
    } else if (value !== null && typeof value === 'object' && value !== doc.metadata.source) {
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child);
    }
  }
  return false;
}

interface Dirty {
  owner: Record<string, unknown>;
  key: string;
  where: Where;
}

/** The strings of the model that hold such characters, in document order; nothing is copied (the usual case has none). */
function stringsWithXmlChars(doc: QuestionsDocument, root: Where): Dirty[] {
  const dirty: Dirty[] = [];
  const stack: { owner: Record<string, unknown>; where: Where; role: Role }[] = [
    { owner: doc as unknown as Record<string, unknown>, where: root, role: 'other' },
  ];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { owner, where, role } = frame;
    const children: typeof stack = [];
    for (const key of Object.keys(owner)) {
      const value = owner[key];
      const here = role !== 'other' ? memberPlace(role, value, where) : owner === (doc as object) ? topLevelPlace(doc, key, where) : where;
      if (typeof value === 'string') {
        NOT_IN_OUTPUT.lastIndex = 0;
        if (NOT_IN_OUTPUT.test(value)) dirty.push({ owner, key, where: here });
      } else if (value !== null && typeof value === 'object' && value !== doc.metadata.source) {
        const childRole = Array.isArray(value) ? roleOf(owner === (doc as object), key) : 'other';
        children.push({ owner: value as Record<string, unknown>, where: here, role: childRole });
      }
    }
    // Pushed last first, so that places are met (and warned about) in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return dirty;
}

/** A copy of every array and object of `root`, by original (an object met twice is copied once): the copy of `root` is `copies.get(root)`. */
function deepCopies(root: object): Map<object, Record<string, unknown>> {
  const copies = new Map<object, Record<string, unknown>>();
  const stack: object[] = [];
  const copyOf = (from: object): Record<string, unknown> => {
    let to = copies.get(from);
    if (to === undefined) {
      to = Array.isArray(from) ? ([] as unknown as Record<string, unknown>) : {};
      copies.set(from, to);
      stack.push(from);
    }
    return to;
  };
  copyOf(root);
  for (let from = stack.pop(); from !== undefined; from = stack.pop()) {
    const to = copies.get(from)!;
    for (const [key, value] of Object.entries(from)) to[key] = value !== null && typeof value === 'object' ? copyOf(value) : value;
  }
  return copies;
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
