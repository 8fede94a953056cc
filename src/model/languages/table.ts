import type { RelationshipRole, SectionRole } from '../document.js';

/**
 * The shape of a language table, and the pattern pieces the tables share. The tables
 * themselves live one per file beside this one (`zh.ts`, `en.ts`, …) and are registered in
 * `index.ts`.
 */
export interface LanguageTable {
  /** BCP 47 code (`zh`). */
  code: string;
  /** The language's English name, for messages. */
  name: string;
  /**
   * The Question heading after its letter and tab: `第1/20号课题 – 标题`. Named groups
   * `number` (`1/20`) and `title`.
   */
  questionHeading: RegExp;
  /** Renders a Question heading; the inverse of `questionHeading`. */
  formatQuestionHeading(number: string, title: string): string;
  /** The continuation note under a Question heading; group `note` is its text. */
  continuationNote: RegExp;
  formatContinuationNote(note: string): string;
  /**
   * Section headings as written, mapped to their role (`目的` → motivation). Looked up with
   * `sectionRole()`, which ignores case, spacing, dash and apostrophe kinds (see `labelKey`).
   */
  sectionRoles: Record<string, SectionRole>;
  /**
   * Relationship group labels as written, without the colon, mapped to their role. Looked up
   * with `relationshipRole()`, as loosely as section headings.
   */
  relationshipRoles: Record<string, RelationshipRole>;
  /** The colon that ends a relationship group label (full-width in CJK). */
  labelColon: string;
  /** Also accepted when reading. */
  labelColonVariants: string[];
  /** List markers by level, as typed in the source (`–` then `•`). */
  listMarkers: string[];
  /** A caption of a table (`表1 – …`). */
  tableCaption: RegExp;
  /**
   * The header row of Table 1, cell by cell (`新序号`, `当前的课题标题`, …): how a text that
   * lost the table's grid (cells one a line, no TAB) is known to hold the table after its caption.
   */
  tableColumns: string[];
  /** The paragraph that points to the work programme (holds the Question's URL). */
  workProgramme: RegExp;
  /** Lead-in phrases that introduce a list (`研究项目包括，但不限于：`). */
  leadIns: RegExp[];
  /**
   * A Table 1 status or a continuation note that says the Question brings new work
   * (`新课题`, `新的研究项目`): `tsag check` compares this, with the Question numbers named,
   * between the two phrasings of one fact.
   */
  newWork: RegExp;
  /**
   * The word that makes a Recommendation number name a whole series: after the number
   * (`Y.4000系列`, `Y.4000 series`), or before it (`série Y.4000`, `серии Y.4000`).
   * `after` is tested on the text that follows the number, `before` on the text before it.
   */
  recommendationSeries: { after?: RegExp; before?: RegExp };
  /**
   * Spellings of one term that one text should not mix, each group as written, most usual form
   * first (`本课题`/`本问题`, `organization`/`organisation`). `tsag check` reports a form the
   * document writes rarely where it otherwise writes another of its group (src/check/terms.ts).
   * A form is matched as a whole word at each edge that is a letter of a script that spaces
   * its words (Latin, Cyrillic, Greek); Chinese and Arabic forms are matched anywhere (Arabic
   * joins its prefixes to the word: `والاتصالات`). Only pairs that editors of ITU texts meet,
   * each with why: a form that is a different word elsewhere would flag correct text.
   */
  termVariants: readonly (readonly string[])[];
  /** The Question heading's form, for messages (`第N/NN号课题`, `Question N/NN`). */
  questionHeadingForm: string;
  /** What to say when a text has no Question heading, for the "not a Questions text" error. */
  questionHeadingHint: string;
  /** How a Word document in this language is set up (the DOCX writer). */
  word: WordSettings;
  /**
   * The layouts of a Question copied from ITU's web pages (src/readers/assemble/web.ts), read only
   * when a text has no Question heading of the document form. Absent: the language has no
   * known web layout.
   */
  web?: WebLayout;
}

/** What varies in the Question pages of ITU's websites, across study periods. */
export interface WebLayout {
  /**
   * A Question heading up to its number, a regular expression source with the group `number`
   * (`Question\s+(?<number>…)`, `第(?<number>…)号课题`); `webQuestionHead()` writes it.
   */
  questionHead: string;
  /** A line that starts like a Question heading, whatever its number (for error messages). */
  questionLike: RegExp;
  /**
   * A continuation note that names a Question or says it is new (`(Continuation of Question
   * 2/13)`): under a line that holds only a title, it makes that line the Question's title.
   */
  namedNote: RegExp;
  /**
   * Whole lines of page furniture, as regular expression sources: a line made only of these
   * (and separators `|`, `:`, `>`, `»`, `·`, `/`) is navigation, never content.
   */
  furniture: string[];
  /** Whole-line patterns of furniture that phrases cannot say (breadcrumbs: `Home : …`). */
  furnitureLines: RegExp[];
  /**
   * Lead-ins that start a section where the page prints no heading, with the role they start
   * (`Tasks include, but are not limited to:` → tasks).
   */
  sectionLeadIns: { pattern: RegExp; role: SectionRole }[];
  /** List item markers of web pages beyond `listMarkers`, one pattern for the marker and its space. */
  listMarker: RegExp;
  /** The numbered sections of an ITU-D Question (`1 Statement of the situation`), read as `other`. */
  itudSections: string[];
}

/**
 * Language names as ITU's language bars print them, each also as a mis-decoded page gives it
 * (`Espa˝ol`, `Franšais`: one or two bytes of a UTF-8 letter read as another code page).
 */
export const LANGUAGE_BAR = ['العربية', 'عربي', '中文', 'English', 'Espa.{1,2}ol', 'Fran.{1,2}ais', 'Русский'];

/** A Question number as web pages write it: `7/20`, or an ITU-D Question's with its revision, `9-3/2`. */
export const WEB_QUESTION_NUMBER = '\\d+(?:-\\d+)?\\/\\d+';

/** `Question 7/20` for a language that writes the word before the number (any spacing). */
export function webQuestionHead(word: string): string {
  return `${word}\\s+(?<number>${WEB_QUESTION_NUMBER})`;
}

/** The web layout of a language, with what every language shares (language bar, list markers). */
export function webLayout(parts: {
  questionHead: string;
  questionLike: RegExp;
  namedNote: RegExp;
  furniture: string[];
  furnitureLines?: RegExp[];
  studyItems: RegExp;
  tasks: RegExp;
  itudSections?: string[];
}): WebLayout {
  return {
    questionHead: parts.questionHead,
    questionLike: parts.questionLike,
    namedNote: parts.namedNote,
    furniture: [...parts.furniture, ...LANGUAGE_BAR],
    furnitureLines: parts.furnitureLines ?? [],
    sectionLeadIns: [
      { pattern: parts.studyItems, role: 'question' },
      { pattern: parts.tasks, role: 'tasks' },
    ],
    listMarker: WEB_LIST_MARKER,
    itudSections: parts.itudSections ?? [],
  };
}

/** `–`, `•`, `-`, `*`, `o`, `·`, `▪`, `1.`, `1)`, `a)`, `a.`, `(a)`, `(1)`, `(i)`, then whitespace. */
export const WEB_LIST_MARKER = /^\s*(?:[–•\-*o·▪◦]|\d{1,2}[.)]|[a-z][.)]|\((?:[a-z]|\d{1,2}|[ivx]{1,4})\))\s+(?=\S)/u;

/** The language and font settings a Word document in one language needs. */
export interface WordSettings {
  /** `dc:language` of the package (`zh-CN`). */
  language: string;
  /** `w:lang` of the default run: Latin text (`val`), East Asian text, complex-script text (`bidi`). */
  lang: { val: string; eastAsia?: string; bidi?: string };
  /** `w:rFonts` of the default run, by script. */
  fonts: { ascii: string; hAnsi: string; eastAsia?: string; cs?: string };
  /** Paragraphs run right to left (Arabic): `w:bidi` on paragraphs, `w:rtl` on runs. */
  rtl: boolean;
}

/**
 * The dash between a Question's number and its title. ITU writes an en dash; an em dash, a
 * hyphen (and the look-alikes Word's autocorrect or a translator's keyboard make) are read too.
 */
export const DASH = '[\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212]';

/**
 * `<word> 1/20 – <title>` for languages that put the word before the number, any case,
 * any spacing (no-break spaces included), any dash.
 */
export function questionHeadingPattern(word: string): RegExp {
  return new RegExp(`^${word}\\s+(?<number>\\d+\\/\\d+)\\s*${DASH}\\s*(?<title>.+)$`, 'iu');
}

/** A continuation note in ASCII parentheses, as every ITU language but Chinese writes it. */
export const PARENTHESISED_NOTE = /^\((?<note>.+)\)$/su;

export const parenthesise = (note: string): string => `(${note})`;

/** A letter of no script may stand before the word: `\b` knows ASCII letters only. */
export const START = '(?<![\\p{L}\\p{M}])';
export const END = '(?![\\p{L}\\p{M}])';

export const TIMES = 'Times New Roman';

/** Word settings of a left-to-right language written in Times New Roman, ITU's font. */
export function latinWord(tag: string): WordSettings {
  return { language: tag, lang: { val: tag }, fonts: { ascii: TIMES, hAnsi: TIMES, cs: TIMES }, rtl: false };
}
