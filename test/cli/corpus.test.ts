/**
 * The robustness corpus (../shared/corpus: README.md and hostile/README.md there) through the
 * real CLI: 149 real-world Word files and the generated hostile inputs, each in its own
 * process. Every one must be read (exit 0) or refused with one line that names the file and
 * the reason (exit 2); never a stack trace, a hang, a memory blow-up or a file written outside
 * the output folder.
 *
 * Each file runs through test/helpers/measured-cli.mjs (the CLI's main() plus its peak RSS and
 * CPU time); each hostile file also runs through dist/cli/main.js itself, the real entry point
 * with its crash guard. Two children run at a time (CI has two cores).
 *
 * Time: the budget of 10 s per file is asserted on CPU time (user + system), which is what the
 * file costs; wall time also counts whatever else the machine is doing, so it is only checked
 * against a hang (the child is killed at HANG_MS) and reported.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, SHARED } from '../helpers/paths.js';
import { pool, runCli, type CliRun } from '../helpers/run-cli.js';

const CORPUS = join(SHARED, 'corpus');
const PRESENT = existsSync(join(CORPUS, 'hostile')) && existsSync(join(CORPUS, 'docx'));

const CPU_BUDGET_MS = 10_000;
const RSS_BUDGET_KIB = 300 * 1024;
const HANG_MS = 30_000;
const CONCURRENCY = 2;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    })
    .sort();
}

// hostile/README.md documents the hostile files; it is not one of them.
const HOSTILE = PRESENT ? filesUnder(join(CORPUS, 'hostile')).filter((f) => basename(f) !== 'README.md') : [];
const REAL = PRESENT ? filesUnder(join(CORPUS, 'docx')) : [];

/** What hostile/README.md says a well-behaved tool does with each file, as exit code and reason. */
const HOSTILE_EXPECTED: Readonly<Record<string, { code: 0 | 2; reason?: RegExp }>> = {
  'empty.docx': { code: 2, reason: /: empty file, not a DOCX$/ },
  'random-bytes.docx': { code: 2, reason: /: not a DOCX: not a ZIP file$/ },
  // May sniff the content and say so, must not read it as a DOCX.
  'plain-text.docx': { code: 2, reason: /: not a DOCX: not a ZIP file \(it looks like plain text\)$/ },
  'zip-no-document-xml.docx': { code: 2, reason: /: no main document part \(word\/document\.xml\)$/ },
  'truncated-half.docx': { code: 2, reason: /: corrupt or truncated ZIP: / },
  'malformed-document-xml.docx': { code: 2, reason: /:word\/document\.xml: malformed XML: .* \(line \d+\)$/ },
  'billion-laughs.docx': { code: 2, reason: /:word\/document\.xml: XML with a DTD is refused \(entity expansion\)/ },
  'zip-bomb-1GiB.docx': { code: 2, reason: /:word\/document\.xml: declares 1,072,748,737 bytes .* uncompressed, .*zip bomb/ },
  'nested-tables-5000.docx': { code: 2, reason: /:word\/document\.xml: XML nesting too deep \(\d+ levels; limit 1000\)$/ },
  'deep-xml-100000.docx': { code: 2, reason: /:word\/document\.xml: XML nesting too deep \(\d+ levels; limit 1000\)$/ },
  // A valid package whose traversal entries are never extracted: it reads, and is no Questions text.
  'path-traversal.docx': { code: 2, reason: /: not a Questions text: .*\(found 0 Question headings in \d+ paragraphs?\)$/ },
  // The first 40 lines hold the introduction and Table 1, no Question yet: decoded, then refused.
  'seed-first40-utf16le-bom.txt': { code: 2, reason: /: not a Questions text: .*\(found 0 Question headings in 34 lines\)$/ },
  'seed-gb18030.txt': { code: 0 },
  'seed-crlf.txt': { code: 0 },
  'seed-utf8-bom.txt': { code: 0 },
};

/** The real-world files with a known defect, and what they must be refused as (MANIFEST.tsv notes). */
const REAL_EXPECTED: Readonly<Record<string, RegExp>> = {
  'poi/bug53475-password-is-pass.docx': /: password-protected \(encrypted\) Word file/,
  'poi/protected_agile.docx': /: password-protected \(encrypted\) Word file/,
  'poi/ExternalEntityInText.docx': /:word\/document\.xml: XML with a DTD is refused/,
  'poi/stress025.docx': /: not a Word document: the main part is <a:themeManager>/,
  'poi/truncated62886.docx': /: corrupt or truncated ZIP: /,
  'poi/crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx': /: corrupt or truncated ZIP: /,
  // 12 MiB of document.xml: mammoth would take 800 MB and 10 s (src/readers/limits.ts).
  'poi/bug65649.docx': /:word\/document\.xml: the XML to read comes to .* over the limit of .*: refused \(document too large\)$/,
};

/** Every reason a real-world file may be refused for; anything else (an internal error) fails. */
const KNOWN_REASONS = [
  /: not a Questions text: no heading of the form .* \((?:found no text|found 0 Question headings in \d+ paragraphs?)\)$/,
  /: password-protected \(encrypted\) Word file/,
  /: corrupt or truncated ZIP: /,
  /: not a Word document: /,
  /: XML with a DTD is refused/,
  /: refused \(document too large\)$/,
];

interface Outcome {
  file: string;
  /** A fresh folder the child ran in; its output folder is `out` inside it. */
  cwd: string;
  run: CliRun;
  /** What the folder held after the run, output folder excepted. */
  strays: string[];
  /** What the output folder held. */
  outputs: string[];
}

async function runOne(file: string, measured: boolean): Promise<Outcome> {
  const cwd = mkdtempSync(join(tmpdir(), 'tsag-corpus-'));
  const run = await runCli(['build', file, '-o', 'out'], { cwd, measured, timeoutMs: HANG_MS });
  const strays = readdirSync(cwd).filter((name) => name !== 'out');
  const outputs = existsSync(join(cwd, 'out')) ? readdirSync(join(cwd, 'out')).sort() : [];
  return { file, cwd, run, strays, outputs };
}

/** `evil*` files in the folders a traversal entry of path-traversal.docx would reach. */
function evilFiles(cwd: string): string[] {
  const folders = new Set(['/tmp', tmpdir(), dirname(cwd), dirname(dirname(cwd)), '/', fromRoot(''), dirname(fromRoot(''))]);
  return [...folders].flatMap((folder) => {
    try {
      return readdirSync(folder)
        .filter((name) => name.toLowerCase().startsWith('evil'))
        .map((name) => join(folder, name));
    } catch {
      return [];
    }
  });
}

function expectCleanRefusalOrSuccess(outcome: Outcome): void {
  const { file, run } = outcome;
  expect(run.timedOut, 'hung').toBe(false);
  expect(run.signal).toBeNull();
  expect([0, 2]).toContain(run.code);
  // No stack trace, no Node error banner, no internal error.
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/^\w*Error: /m);
  expect(run.stderr).not.toMatch(/internal error/);
  // Nothing outside the output folder.
  expect(outcome.strays).toEqual([]);
  expect(outcome.outputs.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  if (run.code === 2) {
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]!.startsWith(`${file}:`), lines[0]).toBe(true);
    // No output line, only the summary; a failed input writes nothing but the index.
    expect(run.stdout).not.toContain('→');
    expect(run.stdout).toContain('0 built, 1 failed');
    expect(outcome.outputs.filter((name) => name !== 'index.json')).toEqual([]);
  } else {
    const base = basename(file).replace(/\.[^.]+$/, '');
    // The batch index (`index.json`) may sit beside the outputs.
    expect(outcome.outputs.filter((name) => name !== 'index.json')).toEqual(['docx', 'json', 'md', 'txt'].map((ext) => `${base}.${ext}`));
    for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/: warning: .* \[[\w.]+\]$/);
  }
}

function expectWithinBudget(outcome: Outcome): void {
  const { run } = outcome;
  expect(run.maxRssKiB, 'the launcher reported nothing').toBeDefined();
  expect(run.cpuMs!, `CPU time of ${outcome.file}`).toBeLessThan(CPU_BUDGET_MS);
  expect(run.maxRssKiB!, `peak RSS of ${outcome.file}`).toBeLessThan(RSS_BUDGET_KIB);
}

/** The model minus where it was read from, for comparing a decoded seed with the golden. */
function content(json: string): unknown {
  const doc = JSON.parse(json) as { metadata: Record<string, unknown> };
  const { source: _source, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

describe.skipIf(!PRESENT)(`robustness corpus${PRESENT ? '' : ' (skipped: ../shared/corpus is absent)'}`, () => {
  const measured = new Map<string, Outcome>();
  const direct = new Map<string, Outcome>();
  let evilBefore: string[] = [];
  let runMs = 0;

  beforeAll(async () => {
    evilBefore = evilFiles(join(tmpdir(), 'tsag-corpus-none'));
    const started = performance.now();
    const jobs = [
      ...[...HOSTILE, ...REAL].map((file) => async () => measured.set(file, await runOne(file, true))),
      ...HOSTILE.map((file) => async () => direct.set(file, await runOne(file, false))),
    ];
    await pool(jobs, CONCURRENCY);
    runMs = performance.now() - started;
  }, 400_000);

  afterAll(() => {
    const all = [...measured.values()];
    if (all.length === 0) return;
    const worst = (key: (o: Outcome) => number) => all.reduce((a, b) => (key(b) > key(a) ? b : a));
    const name = (o: Outcome) => relative(CORPUS, o.file);
    const wall = worst((o) => o.run.wallMs);
    const cpu = worst((o) => o.run.cpuMs ?? 0);
    const rss = worst((o) => o.run.maxRssKiB ?? 0);
    console.log(
      [
        `corpus: ${measured.size + direct.size} runs of ${measured.size} files in ${(runMs / 1000).toFixed(1)} s (${CONCURRENCY} at a time)`,
        `  max wall ${wall.run.wallMs} ms (${name(wall)}), max CPU ${cpu.run.cpuMs} ms (${name(cpu)}),`,
        `  max peak RSS ${Math.round((rss.run.maxRssKiB ?? 0) / 1024)} MiB (${name(rss)})`,
      ].join('\n'),
    );
    for (const outcome of [...measured.values(), ...direct.values()]) rmSync(outcome.cwd, { recursive: true, force: true });
  });

  it('has the files the corpus README lists', () => {
    expect(HOSTILE.map((f) => basename(f)).sort()).toEqual(Object.keys(HOSTILE_EXPECTED).sort());
    expect(REAL.length).toBeGreaterThanOrEqual(149);
  });

  describe('hostile inputs', () => {
    it.each(HOSTILE.map((file) => [basename(file), file]))('%s: as the hostile README expects', (name, file) => {
      const outcome = measured.get(file)!;
      expectCleanRefusalOrSuccess(outcome);
      expectWithinBudget(outcome);
      const expected = HOSTILE_EXPECTED[name]!;
      expect(outcome.run.code, outcome.run.stderr).toBe(expected.code);
      if (expected.reason) expect(outcome.run.stderr.trimEnd()).toMatch(expected.reason);
    });

    it.each(HOSTILE.map((file) => [basename(file), file]))('%s: dist/cli/main.js says the same', (_name, file) => {
      const viaMain = direct.get(file)!;
      expectCleanRefusalOrSuccess(viaMain);
      expect(viaMain.run.code).toBe(measured.get(file)!.run.code);
      expect(viaMain.run.stderr).toBe(measured.get(file)!.run.stderr);
    });

    it.each([
      ['seed-gb18030.txt', 'gb18030', 'lf'],
      ['seed-crlf.txt', 'utf-8', 'crlf'],
      ['seed-utf8-bom.txt', 'utf-8-bom', 'lf'],
    ])('%s reads as the seed text does (encoding %s, line endings %s)', (name, encoding, lineEndings) => {
      const outcome = measured.get(join(CORPUS, 'hostile', name))!;
      const json = readFileSync(join(outcome.cwd, 'out', name.replace(/\.txt$/, '.json')), 'utf8');
      expect(content(json)).toEqual(content(readFileSync(fromRoot('fixtures/008C/expected.json'), 'utf8')));
      expect(JSON.parse(json).metadata.source).toMatchObject({ encoding, lineEndings });
      const text = readFileSync(join(outcome.cwd, 'out', name), 'utf8');
      expect(text).not.toMatch(/[\r\uFEFF\uFFFD\u0000]/u);
    });

    it('path-traversal.docx wrote no evil*.txt anywhere a traversal entry points', () => {
      const outcome = measured.get(join(CORPUS, 'hostile', 'path-traversal.docx'))!;
      expect(evilFiles(outcome.cwd)).toEqual(evilBefore);
      // The output folder holds the index (of no edition) and nothing else.
      expect(readdirSync(outcome.cwd)).toEqual(['out']);
      expect(readdirSync(join(outcome.cwd, 'out'))).toEqual(['index.json']);
    });
  });

  describe('real-world Word files', () => {
    it.each(REAL.map((file) => [relative(join(CORPUS, 'docx'), file), file]))('%s', (name, file) => {
      const outcome = measured.get(file)!;
      expectCleanRefusalOrSuccess(outcome);
      expectWithinBudget(outcome);
      const line = outcome.run.stderr.trimEnd();
      const expected = REAL_EXPECTED[name];
      if (expected) expect(line).toMatch(expected);
      if (outcome.run.code === 2)
        expect(
          KNOWN_REASONS.some((reason) => reason.test(line)),
          line,
        ).toBe(true);
    });
  });

  it('one build of several hostile files and good inputs: one line per bad file, the good ones written', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tsag-corpus-'));
    const bad = ['deep-xml-100000.docx', 'nested-tables-5000.docx', 'zip-bomb-1GiB.docx', 'malformed-document-xml.docx', 'empty.docx'];
    const inputs = [...bad.map((name) => join(CORPUS, 'hostile', name)), fromRoot('input/008C.txt'), fromRoot('input/008C.docx')];
    // The depth screen and the element budget loosened: mammoth itself now meets 100 000 nested
    // elements and overflows its stack, which it reports only as a rejected promise; the
    // process must carry on.
    const loosened = ['--max-depth', '1000000', '--max-elements', '1000000'];
    const run = await runCli(['build', ...inputs, '-o', 'out', ...loosened, '-q'], { cwd, timeoutMs: HANG_MS });
    expect(run.code).toBe(2);
    // One line per bad input, in whatever order they finish.
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.length);
    const lineOf = (index: number) => lines.find((line) => line.startsWith(`${inputs[index]}:`));
    bad.forEach((_name, index) => {
      expect(lineOf(index), inputs[index]).toBeDefined();
    });
    expect(lineOf(0)).toMatch(/:word\/document\.xml: XML nesting too deep for the DOCX reader \(stack overflow\)$/);
    expect(lineOf(1)).toMatch(/:word\/document\.xml: XML nesting too deep for the DOCX reader \(stack overflow\)$/);
    expect(lineOf(2)).toMatch(/zip bomb/);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    const stdout = run.stdout.split('\n');
    expect(stdout).toContain(`${inputs[5]}: 7 Questions → out/008C.json, out/008C.md, out/008C.txt, out/008C.docx`);
    expect(stdout).toContain(`${inputs[6]}: 7 Questions → out/008C.docx.json, out/008C.docx.md, out/008C.docx.txt, out/008C.docx.docx`);
    expect(readFileSync(join(cwd, 'out', '008C.json'), 'utf8')).toBe(readFileSync(fromRoot('fixtures/008C/expected.json'), 'utf8'));
    // The DOCX read after the overflow gives the same content as the text.
    expect(content(readFileSync(join(cwd, 'out', '008C.docx.json'), 'utf8'))).toEqual(
      content(readFileSync(fromRoot('fixtures/008C/expected.json'), 'utf8')),
    );
    expect(statSync(join(cwd, 'out', '008C.docx.docx')).size).toBeGreaterThan(0);
    expect(readdirSync(cwd)).toEqual(['out']);
    rmSync(cwd, { recursive: true, force: true });
  }, 60_000);
});
