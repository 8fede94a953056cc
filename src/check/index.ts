/**
 * `checkDocument`: the consistency of one Questions text, as findings with codes and places.
 * Pure: the model in, findings out; `tsag check` reads the file and prints (src/cli/check.ts).
 *
 * What is checked: Table 1 against the Question headings (./table.ts); the letters and numbers
 * of the Questions and the four sections of each (./structure.ts); duplicate items, unknown
 * relationship labels, leftover extraction noise, footnotes, work-programme links
 * (./content.ts); across Questions, the names in the relationships (./relationships.ts), the
 * labels and section headings of one role (./labels.ts) and the terms the language table
 * knows variants of (./terms.ts). What is not: wording and punctuation (a sentence phrased differently from
 * its siblings, a missing `。`) — style, not consistency.
 */
import type { QuestionsDocument } from '../model/document.js';
import { LANGUAGES, languageTable } from '../model/languages.js';
import type { Read, Warning } from '../model/result.js';
import { checkDuplicateItems, checkFootnotes, checkLabels, checkNoise, checkWorkProgramme } from './content.js';
import type { Finding } from './finding.js';
import { checkRelationshipLabels, checkSectionHeadings } from './labels.js';
import { checkRelationshipNames } from './relationships.js';
import { checkSections, checkSequence } from './structure.js';
import { checkTable } from './table.js';
import { checkTerms } from './terms.js';

export type { Finding, Form, Severity, Spot } from './finding.js';
export { formatFinding, formatFindings, renderFindingsJson, renderFindingsText, summaryLine } from './render.js';

export function checkDocument(doc: QuestionsDocument): Finding[] {
  const table = Object.hasOwn(LANGUAGES, doc.metadata.language) ? languageTable(doc.metadata.language) : undefined;
  return [
    ...checkTable(doc, table),
    ...checkSequence(doc),
    ...checkSections(doc, table),
    ...checkDuplicateItems(doc),
    ...checkLabels(doc),
    ...checkNoise(doc),
    ...checkFootnotes(doc),
    ...checkWorkProgramme(doc),
    ...checkRelationshipNames(doc),
    ...checkRelationshipLabels(doc),
    ...checkSectionHeadings(doc),
    ...checkTerms(doc, table),
  ];
}

/**
 * The reader's warnings and the checks' findings as one list, the reader's first. What a
 * check finds that the reader already warned about (the same code at the same section: an
 * unknown label, a section lettered for another Question) is given once, by the reader,
 * whose warning has the line.
 */
export function withReaderWarnings(warnings: readonly Warning[], findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => (f.where.section !== undefined ? `${f.code}\u0000${f.where.section}` : undefined);
  const warned = new Set(warnings.map(key).filter((k) => k !== undefined));
  const unwarned = findings.filter((f) => {
    const k = key(f);
    return k === undefined || !warned.has(k);
  });
  return [...warnings, ...unwarned];
}

/**
 * The findings of one read input: the reader's warnings and the checks', every one placed in
 * `file` (the path as the user gave it; the model only knows the file's base name).
 */
export function checkRead(read: Read<QuestionsDocument>, file = read.value.metadata.source.fileName): Finding[] {
  const findings = checkDocument(read.value).map((f) => ({ ...f, where: { ...f.where, file } }));
  return withReaderWarnings(read.warnings, findings);
}
