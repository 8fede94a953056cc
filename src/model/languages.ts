import type { RelationshipRole, SectionRole } from './document.js';

/**
 * The one place where the words of a language live. Readers recognise structure through a
 * table, writers render labels through it; no other module holds a label literal.
 *
 * To add a language, add a table here and register it in `LANGUAGES`: see README.md.
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
  /** Section headings as written, mapped to their role (`目的` → motivation). */
  sectionRoles: Record<string, SectionRole>;
  /** Relationship group labels as written, without the colon, mapped to their role. */
  relationshipRoles: Record<string, RelationshipRole>;
  /** The colon that ends a relationship group label (full-width in CJK). */
  labelColon: string;
  /** Also accepted when reading. */
  labelColonVariants: string[];
  /** List markers by level, as typed in the source (`–` then `•`). */
  listMarkers: string[];
  /** A caption of a table (`表1 – …`). */
  tableCaption: RegExp;
  /** The paragraph that points to the work programme (holds the Question's URL). */
  workProgramme: RegExp;
  /** Lead-in phrases that introduce a list (`研究项目包括，但不限于：`). */
  leadIns: RegExp[];
  /** The word after a Recommendation number that makes it a series (`Y.4000系列`). */
  recommendationSeries: RegExp;
  /** What to say when a text has no Question heading, for the "not a Questions text" error. */
  questionHeadingHint: string;
  /** How a Word document in this language is set up (the DOCX writer). */
  word: WordSettings;
}

/** The language and font settings a Word document in one language needs. */
export interface WordSettings {
  /** `dc:language` of the package (`zh-CN`). */
  language: string;
  /** `w:lang` of the default run: Latin text (`val`), East Asian text, complex-script text (`bidi`). */
  lang: { val: string; eastAsia?: string; bidi?: string };
  /** `w:rFonts` of the default run, by script. */
  fonts: { ascii: string; hAnsi: string; eastAsia?: string; cs?: string };
  /** Paragraphs run right to left (Arabic). */
  rtl: boolean;
}

/** Latin letters, digits and ASCII punctuation used by codes are the same in every language. */
const zh: LanguageTable = {
  code: 'zh',
  name: 'Chinese',
  questionHeading: /^第(?<number>\d+\/\d+)号课题\s*[–—-]\s*(?<title>.+)$/u,
  formatQuestionHeading: (number, title) => `第${number}号课题 – ${title}`,
  continuationNote: /^（(?<note>.+)）$/u,
  formatContinuationNote: (note) => `（${note}）`,
  sectionRoles: {
    目的: 'motivation',
    动机: 'motivation',
    课题: 'question',
    任务: 'tasks',
    关系: 'relationships',
  },
  relationshipRoles: {
    WSIS行动方面: 'wsis',
    可持续发展目标: 'sdgs',
    建议书: 'recommendations',
    课题: 'questions',
    研究组: 'studyGroups',
    其它机构: 'bodies',
    其他机构: 'bodies',
    标准化机构: 'bodies',
  },
  labelColon: '：',
  labelColonVariants: ['：', ':'],
  listMarkers: ['–', '•'],
  tableCaption: /^表\s*\d+\s*[–—-]/u,
  workProgramme: /工作计划/u,
  leadIns: [/^(有待考虑的)?研究项目包括/u, /^任务包括/u],
  recommendationSeries: /^\s*系列/u,
  questionHeadingHint: 'no heading of the form 第N/NN号课题',
  word: {
    language: 'zh-CN',
    // The Latin words of a Chinese ITU text (codes, acronyms) are marked as ITU's British English.
    lang: { val: 'en-GB', eastAsia: 'zh-CN' },
    // The fonts of the Chinese ITU template (and of 008C.docx).
    fonts: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' },
    rtl: false,
  },
};

export const LANGUAGES: Readonly<Record<string, LanguageTable>> = { zh };

export function languageTable(code: string): LanguageTable {
  const table = LANGUAGES[code];
  if (!table) throw new Error(`no language table for "${code}"`);
  return table;
}

/** The hint for "not a Questions text" errors, naming every heading form we know. */
export function questionHeadingHints(): string {
  return Object.values(LANGUAGES)
    .map((t) => t.questionHeadingHint)
    .join(' or ');
}
