import { oneLine } from '../model/result.js';
import type { BuildResult } from './build.js';

/** The line a built input gives: `008C.txt: 7 Questions → out/008C.json, …`. */
export function builtLine(input: string, questions: number, outputs: readonly string[]): string {
  return `${input}: ${questions} Question${questions === 1 ? '' : 's'} → ${outputs.join(', ')}`;
}

/** The bar drawn on a terminal while a batch builds: `[#####-----] 3/10 008C.docx`. */
export function progressBar(completed: number, total: number, label: string, width = 24): string {
  const filled = total === 0 ? width : Math.round((completed / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${completed}/${total} ${label}`;
}

/** The table that ends a batch: one row per input, then the counts. */
export function summaryTable(results: readonly BuildResult[]): string {
  const rows = results.map((r) => [oneLine(r.input), r.ok ? String(r.questions) : 'failed', r.ok ? String(r.warnings.length) : '-', `${r.ms} ms`]);
  const header = ['file', 'Questions', 'warnings', 'time'];
  const widths = header.map((h, i) => rows.reduce((width, row) => Math.max(width, row[i]!.length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const failed = results.filter((r) => !r.ok).length;
  const counts = `${results.length - failed} built, ${failed} failed`;
  return `${[line(header), ...rows.map(line), counts].join('\n')}\n`;
}
