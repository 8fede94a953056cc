import type { RelationshipRole, SectionRole } from '../document.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import type { LanguageTable } from './table.js';
import { zh } from './zh.js';

/**
 * The one place where the words of a language live. Readers recognise structure through a
 * table, writers render labels through it; no other module holds a label literal.
 *
 * One file per language (`zh.ts`, `en.ts`, …); to add a language, add a file and register its
 * table in `LANGUAGES`: see README.md, "Languages". The order of `LANGUAGES` is the order of
 * preference when two tables read a text equally well (English before French).
 */
export type { LanguageTable, WordSettings } from './table.js';

export const LANGUAGES: Readonly<Record<string, LanguageTable>> = { zh, en, fr, es, ru, ar };

export function languageTable(code: string): LanguageTable {
  const table = Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code] : undefined;
  if (!table) throw new Error(`no language table for "${code}"`);
  return table;
}

/** The hint for "not a Questions text" errors, naming every heading form we know. */
export function questionHeadingHints(): string {
  const forms = [...new Set(Object.values(LANGUAGES).map((t) => t.questionHeadingForm))];
  const last = forms.pop();
  return `no heading of the form ${forms.length > 0 ? `${forms.join(', ')} or ${last}` : (last ?? '')}`;
}

/**
 * What a label is compared by: the text's compatibility form (NFKC: full-width letters,
 * no-break spaces), lower case, whitespace runs as one space, every dash as `-`, every
 * apostrophe as `'`, and the spelling variants of Arabic (short vowels and tatweel dropped;
 * alef with hamza or madda as alef, alef maqsura as ya, ta marbuta as ha) and Russian (ё as е).
 * So `Study  Groups`, `study groups` and `Study Groups` are one label, and
 * `Commissions d’études` is `Commissions d'études`. A space between a CJK character and a Latin
 * letter or digit is typography (a PDF's layout writes `WSIS 行动方面`), so it is left out.
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .replace(/[\u0622\u0623\u0625\u0671]/gu, '\u0627')
    .replace(/\u0649/gu, '\u064a')
    .replace(/\u0629/gu, '\u0647')
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/gu, "'")
    .replace(/\s+/gu, ' ')
    .replace(CJK_LATIN_SPACE, '')
    .trim();
}

const CJK_LATIN_SPACE =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]) (?=[\p{Script=Latin}\p{Nd}])|(?<=[\p{Script=Latin}\p{Nd}]) (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

const KEYED = new WeakMap<object, Map<string, string>>();

/** A record of labels looked up by `labelKey`; a label such as `constructor` finds nothing. */
function lookUp<V extends string>(record: Readonly<Record<string, V>>, label: string): V | undefined {
  let keyed = KEYED.get(record);
  if (!keyed) {
    keyed = new Map();
    for (const [key, value] of Object.entries(record)) {
      const normal = labelKey(key);
      if (!keyed.has(normal)) keyed.set(normal, value);
    }
    KEYED.set(record, keyed);
  }
  return keyed.get(labelKey(label)) as V | undefined;
}

/** The role of a section heading as written (`目的`, `Motivation`, `MOTIF`), if the table knows it. */
export function sectionRole(table: LanguageTable, heading: string): SectionRole | undefined {
  return lookUp(table.sectionRoles, heading);
}

/** The role of a relationship group label as written, without its colon, if the table knows it. */
export function relationshipRole(table: LanguageTable, label: string): RelationshipRole | undefined {
  return lookUp(table.relationshipRoles, label);
}
