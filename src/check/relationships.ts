/**
 * The names in the relationships (bodies, codes, Recommendations; ./names.ts says what a name
 * is and how two are compared), compared across the whole document:
 *
 * - `relationships.spelling`: one name written two ways (`ISO/IEC JTC 1/SC 41` and
 *   `ISO/IEC JTC 1/SC41`): names with one key and two writings; then the parts of
 *   hierarchical names (`IEC JTC 1` in `ISO/IEC JTC 1/SC 41`, `IEC JTC1` in `ISO/IEC JTC1`),
 *   where the names themselves differ;
 * - `relationships.typo`: a Latin code one edit away from a code the document writes more
 *   often (`JCT` for `JTC`), see `typoKind`;
 * - `relationships.acronyms`: one name with two acronyms (`工业互联网联盟（IIC）` and
 *   `工业互联网联盟（AII）`); `relationships.names`: one acronym with two names.
 *
 * Names that differ in what they name are never compared as one: `3GPP` and `3GPP/3GPP2`,
 * `WG 11` and `WG 12`, a body listed in one Question and not in another.
 */
import levenshtein from 'damerau-levenshtein';
import type { QuestionsDocument } from '../model/document.js';
import type { Finding, Form } from './finding.js';
import { quote } from './finding.js';
import { describeSpots, formsFinding, formsOf, mostUsed, uniqueSpots, type Use } from './forms.js';
import { acronymPair, codeTokens, isCode, nameKey, nameParts, relationshipUses } from './names.js';

export function checkRelationshipNames(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  const names = relationshipUses(doc);
  const typos = typoFindings(names, file);
  return [...spellingFindings(names, file), ...typos.findings, ...acronymFindings(names, typos.pairs, file)];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === '') continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function spellingFindings(names: readonly Use[], file: string): Finding[] {
  const findings: Finding[] = [];
  const context = names.map((use) => use.text);
  const reported = new Set<string>();
  for (const [key, uses] of groupBy(names, (use) => nameKey(use.text))) {
    const forms = formsOf(uses);
    if (forms.length < 2) continue;
    reported.add(key);
    findings.push(spellingFinding(forms, context, file, 'one name written'));
  }
  // The parts of names: a part written another way inside names that are not already reported.
  const parts = names.flatMap((use) => nameParts(use.text).map((part) => ({ use: { text: part, spot: use.spot }, name: use.text })));
  for (const group of groupBy(parts, (part) => nameKey(part.use.text)).values()) {
    const forms = formsOf(group.map((part) => part.use));
    if (forms.length < 2) continue;
    const usual = mostUsed(forms, context).text;
    const unexplained = group.some((part) => part.use.text !== usual && !reported.has(nameKey(part.name)));
    if (unexplained) findings.push(spellingFinding(forms, context, file, 'one part of names written'));
  }
  return findings;
}

function spellingFinding(forms: readonly Form[], context: readonly string[], file: string, what: string): Finding {
  const usual = mostUsed(forms, context).text;
  return formsFinding(
    'relationships.spelling',
    file,
    forms,
    usual,
    (others, most) => `${what} two ways: ${others}; ${most}: write ${quote(usual, 60)}`,
  );
}

/** Token → its count and the uses that hold it, in order of first use. */
function codeCounts(uses: readonly Use[]): Map<string, { count: number; uses: Use[] }> {
  const counts = new Map<string, { count: number; uses: Use[] }>();
  for (const use of uses) {
    for (const token of codeTokens(use.text).filter(isCode)) {
      const entry = counts.get(token) ?? { count: 0, uses: [] };
      entry.count++;
      if (!entry.uses.includes(use)) entry.uses.push(use);
      counts.set(token, entry);
    }
  }
  return counts;
}

/**
 * How `rare` is one edit from `usual`: `transposition` (two neighbouring letters swapped,
 * `JCT`/`JTC`), `doubling` (a letter doubled or undoubled, `IEE`/`IEEE`), `edit` (one letter
 * replaced, added or dropped), or not a typo. Digits are never edited: `3GPP2` is not `3GPP`,
 * `WG10` not `WG11`. A case difference is a way of writing, not a typo. Edit distance is
 * Damerau-Levenshtein (the `damerau-levenshtein` package).
 */
export function typoKind(rare: string, usual: string): 'transposition' | 'doubling' | 'edit' | undefined {
  const a = rare.toUpperCase();
  const b = usual.toUpperCase();
  if (a === b || Math.abs(a.length - b.length) > 1 || a.replace(/\D/gu, '') !== b.replace(/\D/gu, '')) return undefined;
  if (levenshtein(a, b).steps !== 1) return undefined;
  const sorted = (text: string) => [...text].sort().join('');
  if (sorted(a) === sorted(b)) return 'transposition';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const undoubled = [...long].some((char, i) => char === long[i + 1] && long.slice(0, i) + long.slice(i + 1) === short);
  return undoubled ? 'doubling' : 'edit';
}

/**
 * A code written less often than one a typo away. A swap of two letters is a typo at any
 * length; any other edit is one in codes of five characters or more (`AIOTT`); in codes of four,
 * and a doubled letter in codes of three, only where the name with the other code is written
 * elsewhere (`ISO/IEC JTX 1` beside `ISO/IEC JTC 1`, `IEE` beside `IEEE`); never another edit
 * in codes of three: three-letter acronyms one letter apart are mostly other bodies (`OMA`,
 * `OMG`; `IEC`, `IIC`).
 */
function typoFindings(uses: readonly Use[], file: string): { findings: Finding[]; pairs: Set<string> } {
  const counts = codeCounts(uses);
  const keys = new Set(uses.map((use) => nameKey(use.text)));
  const findings: Finding[] = [];
  const pairs = new Set<string>();
  for (const [rare, entry] of counts) {
    const usual = [...counts]
      .filter(([token, other]) => other.count >= 2 && other.count > entry.count && typoKind(rare, token) !== undefined)
      .sort(([, x], [, y]) => y.count - x.count)
      .find(([token]) => {
        const kind = typoKind(rare, token);
        const shortest = Math.min(rare.length, token.length);
        if (kind === 'transposition' || shortest >= 5) return true;
        if (shortest < 4 && kind !== 'doubling') return false;
        return entry.uses.some((use) => acronymPair(use.text)?.acronym !== rare && keys.has(nameKey(replaceToken(use.text, rare, token))));
      });
    if (!usual) continue;
    const [token, other] = usual;
    pairs.add(`${rare}\u0000${token}`);
    findings.push(typoFinding(rare, token, formsOf(entry.uses), other, file));
  }
  return { findings, pairs };
}

function typoFinding(rare: string, usual: string, forms: readonly Form[], other: { count: number; uses: Use[] }, file: string): Finding {
  const first = forms[0];
  const spot = first?.places[0];
  const fixed = replaceToken(first?.text ?? rare, rare, usual);
  const usualForm: Form = { text: usual, count: other.count, places: uniqueSpots(other.uses.map((use) => use.spot)) };
  const written = forms
    .map((form) => `${form.text === rare ? '' : `${quote(rare)} in `}${quote(form.text, 60)} (${describeSpots(form.places)})`)
    .join(', ');
  const message = `${written} looks like a typo of ${quote(usual)}, written ${other.count} times (${describeSpots(usualForm.places)}): write ${quote(fixed, 60)}`;
  return {
    code: 'relationships.typo',
    where: { file, ...(spot ? { section: spot.section || spot.question } : {}) },
    message,
    forms: [...forms, usualForm],
    suggestion: fixed,
  };
}

/**
 * `text` with the code `from` (a whole run of letters and digits) as `to`; the rest as written
 * (`（OFC）` → `（OCF）`). A code written in full-width letters is found in the text's NFKC form.
 */
function replaceToken(text: string, from: string, to: string): string {
  const code = new RegExp(`(?<![A-Za-z0-9])${from}(?![A-Za-z0-9])`, 'gu');
  return code.test(text) ? text.replace(code, to) : text.normalize('NFKC').replace(code, to);
}

/**
 * One name with two acronyms, one acronym with two names. Names and acronyms are compared by
 * key, so a second way of writing one of them is `relationships.spelling`, not this; two
 * acronyms a typo apart are the typo's finding.
 */
function acronymFindings(names: readonly Use[], typoPairs: ReadonlySet<string>, file: string): Finding[] {
  const pairs = names.flatMap((use) => {
    const pair = acronymPair(use.text);
    return pair ? [{ use, ...pair }] : [];
  });
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const conflicts = (
    by: (pair: (typeof pairs)[number]) => string,
    of: (pair: (typeof pairs)[number]) => string,
    code: 'relationships.acronyms' | 'relationships.names',
  ) => {
    for (const group of groupBy(pairs, (pair) => nameKey(by(pair))).values()) {
      const [first] = group;
      if (!first) continue;
      const variants = [...new Set(group.map((pair) => nameKey(of(pair))))];
      if (variants.length < 2) continue;
      const written = group.map((pair) => of(pair));
      if (written.some((a) => written.some((b) => typoPairs.has(`${a}\u0000${b}`)))) continue;
      const forms = formsOf(group.map((pair) => pair.use));
      const usual = mostUsed(
        forms,
        names.map((use) => use.text),
      ).text;
      // One slip (`开放移动联盟（OMG）` beside `开放移动联盟（OMA）` and `对象管理组织（OMG）`) is
      // one name with two acronyms and one acronym with two names: it is reported once.
      const others = forms.filter((form) => form.text !== usual);
      if (others.every((form) => reported.has(form.text))) continue;
      for (const form of forms) reported.add(form.text);
      const what = code === 'relationships.acronyms' ? 'one name with two acronyms' : 'one acronym with two names';
      const subject = quote(by(first), 60);
      findings.push(
        formsFinding(code, file, forms, usual, (others, most) => `${what}, ${subject}: ${others}; ${most}: one body, one name and one acronym`),
      );
    }
  };
  conflicts(
    (pair) => pair.name,
    (pair) => pair.acronym,
    'relationships.acronyms',
  );
  conflicts(
    (pair) => pair.acronym,
    (pair) => pair.name,
    'relationships.names',
  );
  return findings;
}
