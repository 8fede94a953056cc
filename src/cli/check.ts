/**
 * `tsag check INPUT…`: reads each input and prints its consistency findings (src/check/): the
 * reader's warnings and the checks', one line each, then a summary line; or a JSON list.
 * Exit status: 0 (findings are warnings), 1 with `--strict` when there is any finding,
 * 2 when an input cannot be read (one line; the other inputs are still checked).
 */
import { parseArgs } from 'node:util';
import { checkRead, renderFindingsJson, renderFindingsText, type Finding } from '../check/index.js';
import { readDocument, type ReadOptions } from '../readers/index.js';
import { describeError, readInput } from './build.js';
import { expandInputs } from './files.js';
import { LIMIT_OPTIONS, readLimits } from './limits.js';

export const CHECK_HELP = `  check   Check each INPUT for consistency: Table 1 against the Question headings (numbers,
          titles, what each continues), the letters and numbers of the Questions, the four
          sections of each in order, empty sections, duplicate items, unknown relationship
          labels, leftover extraction noise, footnotes, work-programme links; across
          Questions, one name written two ways, typos of codes, a name with two acronyms
          or an acronym with two names, labels and headings unlike the others of their
          role, and terms in a variant form (each with both places and the usual form);
          and the reader's warnings. One line per finding (file:where: warning: message
          [code]), then a summary. With no INPUT, checks every file in ./input.
          --strict        findings are errors: exit 1 when there is any
          --format text (default) | json (a JSON list of the findings)
          Exit status: 0 checked (1 with --strict and findings), 2 an input cannot be read.
`;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface CheckIo {
  out(text: string): void;
  /** One line, for an input that cannot be read. */
  err(line: string): void;
}

export async function runCheck(args: string[], io: CheckIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      strict: { type: 'boolean' },
      format: { type: 'string', short: 'f' },
      lang: { type: 'string' },
      ...LIMIT_OPTIONS,
    },
  });
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new Error(`unknown check format "${values.format}" (known: ${FORMATS.join(', ')})`);
  const inputs = await expandInputs(positionals.length > 0 ? positionals : ['input']);
  if (inputs.length === 0) throw new Error('no input: give files, or put them in ./input');
  const options: ReadOptions = { ...(values.lang ? { language: values.lang } : {}), ...readLimits(values) };

  const findings: Finding[] = [];
  let failed = 0;
  for (const input of inputs) {
    try {
      const read = await readDocument(await readInput(input, options), input, options);
      for (const finding of checkRead(read, input)) findings.push(finding);
    } catch (error) {
      failed++;
      io.err(describeError(input, error));
    }
  }
  const severity = values.strict ? 'error' : 'warning';
  const checked = inputs.length - failed;
  if (checked > 0) io.out(format === 'json' ? renderFindingsJson(findings, severity) : renderFindingsText(findings, severity, checked));
  if (failed > 0) return 2;
  return values.strict && findings.length > 0 ? 1 : 0;
}
