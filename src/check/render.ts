/**
 * The findings as `tsag check` prints them: one line each, then a summary line; or a JSON
 * list. Pure: the CLI writes the result.
 */
import { escapeControls, jsonForTerminal } from '../model/printable.js';
import { clip, MAX_LINE } from '../model/result.js';
import type { Finding, Severity, Spot } from './finding.js';

/**
 * `008C.txt:table row 4/20: warning: … [table.status]`; a line number when the reader gave one.
 * One line whatever the document holds: control characters escaped, the message cut.
 */
export function formatFinding(f: Finding, severity: Severity): string {
  const at = f.where.line !== undefined ? `:${f.where.line}` : f.where.section !== undefined ? `:${f.where.section}` : '';
  return escapeControls(`${f.where.file ?? ''}${at}: ${severity}: ${clip(f.message, MAX_LINE)} [${f.code}]`);
}

export function formatFindings(findings: readonly Finding[], severity: Severity): string[] {
  return findings.map((f) => formatFinding(f, severity));
}

/**
 * `3 findings (2 table.status, 1 noise.leftover)`, codes in order of first appearance;
 * `… in 2 inputs` when more than one input was checked.
 */
export function summaryLine(findings: readonly Finding[], inputs = 1): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const total = `${findings.length} finding${findings.length === 1 ? '' : 's'}${inputs > 1 ? ` in ${inputs} inputs` : ''}`;
  if (counts.size === 0) return total;
  return `${total} (${[...counts].map(([code, count]) => `${count} ${code}`).join(', ')})`;
}

export function renderFindingsText(findings: readonly Finding[], severity: Severity, inputs = 1): string {
  return `${[...formatFindings(findings, severity), summaryLine(findings, inputs)].join('\n')}\n`;
}

/** A JSON list, keys in a fixed order, two-space indent, final newline. */
export function renderFindingsJson(findings: readonly Finding[], severity: Severity): string {
  const list = findings.map((f) => ({
    code: f.code,
    severity,
    where: {
      ...(f.where.file !== undefined ? { file: f.where.file } : {}),
      ...(f.where.line !== undefined ? { line: f.where.line } : {}),
      ...(f.where.section !== undefined ? { section: f.where.section } : {}),
    },
    message: f.message,
    ...(f.forms !== undefined ? { forms: f.forms.map((form) => ({ text: form.text, count: form.count, places: form.places.map(jsonSpot) })) } : {}),
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
  }));
  return `${jsonForTerminal(JSON.stringify(list, null, 2))}\n`;
}

/** A place in the JSON: keys in a fixed order, empty parts left out. */
function jsonSpot(spot: Spot): Record<string, string> {
  return {
    ...(spot.question !== '' ? { question: spot.question } : {}),
    ...(spot.letter !== '' ? { letter: spot.letter } : {}),
    ...(spot.section !== '' ? { section: spot.section } : {}),
  };
}
