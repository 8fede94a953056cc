/**
 * `npm run bench`: how long tsag takes, and how much memory, to build every output from the
 * sample files, against mammoth (in-process) and pandoc (as a process). Prints Markdown on
 * stdout (progress on stderr). Needs `npm run build` first (the npm script does it).
 *
 *   node bench/run.mjs [--runs 9] [--warmup 10] [--process-runs 5]
 *                      [--large-runs 3] [--large-warmup 0] [--large-process-runs 3]
 *
 * Every in-process figure comes from a fresh child process (bench/child.mjs): one per file for
 * warm times, one per (file, stage) for memory, so that neither JIT state nor heap peaks mix,
 * and one per run for the step-by-step cold build. Processes (`node -e ''`, `tsag build`,
 * `pandoc`) are timed from here, their peak RSS taken by GNU time where it is installed.
 * Times are medians; memory is the peak RSS of one run above the RSS just before it. Then where
 * users wait (bench/users.mjs): a batch of 50 editions, `tsag watch`, `tsag diff` of a large edition.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GNU_TIME, median, runMeasured } from './measure.mjs';
import { batch, diffProcess, editedCopy, installedBuild, watchLatency } from './users.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('child.mjs', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const MAMMOTH_PROCESS = fileURLToPath(new URL('mammoth-process.mjs', import.meta.url));
const BATCH_COUNT = 50;
const BATCH_RUNS = 3;

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    // The times of a build stop falling after about 8 builds in a process (the JIT has compiled
    // the hot code by then): 10 warm-ups measure a warm process, as in a batch or watch. The
    // first build of the process is reported apart.
    warmup: { type: 'string', default: '10' },
    'process-runs': { type: 'string', default: '5' },
    'large-runs': { type: 'string', default: '3' },
    'large-warmup': { type: 'string', default: '0' },
    'large-process-runs': { type: 'string', default: '3' },
  },
});
const RUNS = Number(opts.runs);
const WARMUP = Number(opts.warmup);
const PROCESS_RUNS = Number(opts['process-runs']);
const LARGE = { runs: Number(opts['large-runs']), warmup: Number(opts['large-warmup']), processRuns: Number(opts['large-process-runs']) };

const FILES = [
  { key: 'docx', label: '008C.docx', path: 'input/008C.docx' },
  { key: 'txt', label: '008C.txt', path: 'input/008C.txt' },
  { key: 'x20', label: '008C-x20.docx', path: '../shared/input/large/008C-x20.docx', large: true },
];
const FORMATS = ['json', 'md', 'txt', 'docx'];
const MiB = 1024 * 1024;
const started = performance.now();
const notes = [];

const log = (message) => process.stderr.write(`bench: ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s: ${message}\n`);

// ---------------------------------------------------------------- helpers

function ms(value) {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

function mib(bytes) {
  return Number.isFinite(bytes) ? (bytes / MiB).toFixed(1) : '–';
}

function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–';
}

/** A Markdown table: the first column left-aligned, the others right-aligned (figures) unless `left`. */
function table(header, rows, { left = false } = {}) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 || left ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function packageVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function which(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Runs bench/child.mjs with a task; its last stdout line is the JSON answer. */
function child(task) {
  const result = spawnSync(process.execPath, ['--expose-gc', CHILD, JSON.stringify(task)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  if (result.status !== 0) {
    const why = (result.stderr || result.error?.message || '').trim().split('\n').slice(-3).join(' / ');
    notes.push(`${task.mode} ${task.stage ?? ''} ${task.file ?? ''} failed: ${why}`);
    return undefined;
  }
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

// ---------------------------------------------------------------- processes

/** One run of a command: wall time and peak RSS, or undefined (with a note) if it failed. */
async function measureProcess(command, args, scratch) {
  const sample = await runMeasured(command, args, { cwd: ROOT, scratch });
  if (sample.status === 0) return sample;
  notes.push(`\`${[command, ...args].join(' ')}\` exited ${sample.status}: ${sample.stderr.trim().split('\n')[0]}`);
  return undefined;
}

/** Median time and highest peak RSS of the runs that succeeded. */
function summarise(samples) {
  const ok = samples.filter(Boolean);
  if (ok.length === 0) return undefined;
  return { ms: median(ok.map((s) => s.ms)), rss: Math.max(...ok.map((s) => s.rss)), runs: ok.length };
}

// ---------------------------------------------------------------- measurements

const files = FILES.filter((file) => {
  if (existsSync(join(ROOT, file.path))) return true;
  notes.push(`${file.path} is absent: skipped.`);
  return false;
});
const scratch = mkdtempSync(join(os.tmpdir(), 'tsag-bench-'));
const loadBefore = os.loadavg();
const inproc = {};
const memory = {};
const procs = {};
const cold = {};
let users = {};

/** bench/users.mjs: the batch, watch and diff figures of the targets (e)–(h). */
async function whereUsersWait(pandoc) {
  const docx = join(ROOT, FILES[0].path);
  const large = FILES.find((file) => file.key === 'x20');
  const figures = {};
  log(`batch: ${BATCH_COUNT} copies of 008C.docx, tsag build against a pandoc loop (${BATCH_RUNS} runs each)`);
  figures.batch = batch({ cli: CLI, pandoc, docx, scratch, count: BATCH_COUNT, runs: BATCH_RUNS });
  log('watch: from a save to the rewritten outputs');
  figures.watch = await watchLatency({ cli: CLI, docx, scratch });
  const diffs = {};
  for (const file of [FILES[0], ...(large && existsSync(join(ROOT, large.path)) ? [large] : [])]) {
    log(`diff: ${file.label} against an edited copy`);
    const edited = join(scratch, `${file.key}-edited.docx`);
    await editedCopy({ root: ROOT, docx: join(ROOT, file.path), to: edited });
    diffs[file.key] = await diffProcess({
      cli: CLI,
      scratch,
      old: join(ROOT, file.path),
      edited,
      runs: file.large ? LARGE.processRuns : PROCESS_RUNS,
    });
  }
  figures.diff = diffs;
  log('installed: npm pack, install, tsag build from there against the checkout');
  figures.installed = installedBuild({ root: ROOT, cli: CLI, scratch, file: FILES[0].path });
  for (const part of [figures.batch, figures.watch, ...Object.values(diffs), figures.installed]) notes.push(...part.problems);
  return figures;
}

try {
  for (const file of files) {
    const runs = file.large ? LARGE.runs : RUNS;
    const warmup = file.large ? LARGE.warmup : WARMUP;
    log(`${file.label}: in-process times (${warmup} warm-up + ${runs} runs)`);
    const modelOut = join(scratch, `${file.key}.model.json`);
    const reference = file.large && files.some((f) => f.key === 'docx') ? FILES[0].path : undefined;
    const result = child({ mode: 'pipeline', file: file.path, runs, warmup, modelOut, reference });
    if (!result) continue;
    for (const problem of result.problems ?? []) notes.push(`${file.label}: ${problem}`);
    const stages = [...new Set(result.samples.flatMap((sample) => Object.keys(sample)))];
    inproc[file.key] = { runs, warmup, questions: result.questions, bytes: statSync(join(ROOT, file.path)).size, first: result.first };
    for (const stage of stages) inproc[file.key][stage] = median(result.samples.map((s) => s[stage]));
    const ratios = result.samples.filter((s) => s.mammoth > 0).map((s) => s.all / s.mammoth);
    if (ratios.length > 0) inproc[file.key].allOverMammothPerRun = median(ratios);
    const growth = result.samples.filter((s) => s.referenceAll > 0).map((s) => s.all / s.referenceAll);
    if (growth.length > 0) inproc[file.key].allOverReferencePerRun = median(growth);

    log(`${file.label}: peak memory, one child per stage`);
    memory[file.key] = {};
    const memoryStages = ['read', ...FORMATS, 'all', ...(file.key === 'txt' ? [] : ['mammoth'])];
    for (const stage of memoryStages) {
      memory[file.key][stage] = child({ mode: 'memory', file: file.path, stage, model: modelOut });
    }
  }

  // Processes, interleaved run by run (node start-up, tsag, pandoc, and tsag's steps in a fresh
  // process) so that a change in machine load hits every row alike.
  const pandoc = which('pandoc');
  if (!pandoc) notes.push('pandoc is not installed (`which pandoc` found nothing): its rows are skipped.');
  for (const file of files) {
    const runs = file.large ? LARGE.processRuns : PROCESS_RUNS;
    const out = join(scratch, `out-${file.key}`);
    const coldOut = join(scratch, `cold-${file.key}`);
    mkdirSync(coldOut);
    log(`${file.label}: processes (${runs} runs each${file.large ? '' : ', with the stepwise fresh-process build'})`);
    const samples = { node: [], tsag: [], pandoc: [], mammoth: [], cold: [] };
    for (let i = 0; i < runs; i++) {
      if (file.key === files[0].key) samples.node.push(await measureProcess(process.execPath, ['-e', ''], scratch));
      samples.tsag.push(await measureProcess(process.execPath, [CLI, 'build', file.path, '-o', out], scratch));
      // pandoc would read a .txt as Markdown: not the same job, so not run.
      if (pandoc && file.key !== 'txt') {
        samples.pandoc.push(await measureProcess(pandoc, [file.path, '-t', 'gfm', '-o', '/dev/null'], scratch));
      }
      if (file.key !== 'txt') samples.mammoth.push(await measureProcess(process.execPath, [MAMMOTH_PROCESS, file.path], scratch));
      if (!file.large) samples.cold.push(child({ mode: 'cold', file: file.path, outDir: coldOut }));
    }
    if (file.key === files[0].key) procs.node = summarise(samples.node);
    procs[file.key] = { tsag: summarise(samples.tsag), pandoc: summarise(samples.pandoc), mammoth: summarise(samples.mammoth) };
    const colds = samples.cold.filter(Boolean);
    if (colds.length > 0) {
      cold[file.key] = { runs: colds.length };
      for (const key of Object.keys(colds[0])) cold[file.key][key] = median(colds.map((c) => c[key]));
    }
  }

  users = await whereUsersWait(pandoc);
  report(pandoc);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// ---------------------------------------------------------------- report

/** The rows of the targets where users wait (issue 15): batch, single edition, watch, diff. */
function userTargets(verdict) {
  const rows = [];
  const { batch: b, watch: w, diff: d, installed: i } = users;
  if (b) {
    const speedup = b.pandoc / b.tsag;
    rows.push([
      `(e) a batch of ${b.count} copies of 008C.docx, all outputs: \`tsag build FOLDER\` ≥ 3 × faster than a shell loop of \`pandoc FILE -t json\``,
      `${Number.isFinite(speedup) ? `${ms(b.tsag)} ms vs ${ms(b.pandoc)} ms = ${speedup.toFixed(2)}× faster` : `tsag ${ms(b.tsag)} ms; pandoc absent`} (medians of ${b.runs} runs); the floor, mammoth alone on the same files and threads (bench/mammoth-batch.mjs): ${ms(b.mammoth)} ms = ${ratio(b.pandoc, b.mammoth)} faster than pandoc`,
      '≥ 3.00×',
      verdict(Number.isFinite(speedup) ? speedup >= 3 : undefined),
    ]);
  }
  const single = procs.docx;
  if (single?.tsag && single.mammoth) {
    const r = single.tsag.ms / single.mammoth.ms;
    rows.push([
      "(f) one edition as a process: `tsag build input/008C.docx` ≤ 1.2 × node + mammoth's first conversion (bench/mammoth-process.mjs)",
      `${ms(single.tsag.ms)} ms vs ${ms(single.mammoth.ms)} ms = ${r.toFixed(2)}×`,
      '≤ 1.20×',
      verdict(r <= 1.2),
    ]);
  }
  if (w) {
    rows.push([
      '(g) `tsag watch`: from saving 008C.docx to its four rewritten outputs, debounce included',
      `median ${ms(w.median)} ms, slowest ${ms(w.max)} ms, of ${w.saves} saves`,
      '< 300 ms',
      verdict(w.saves > 0 ? w.median < 300 : undefined),
    ]);
  }
  const [x1, x20] = [d?.docx, d?.x20];
  if (x20) {
    rows.push([
      '(h) `tsag diff` of 008C-x20.docx against an edited copy: peak memory',
      `${mib(x20.rss)} MiB peak RSS, ${ms(x20.ms)} ms (median of ${x20.runs})`,
      '< 300 MB',
      verdict(Number.isFinite(x20.rss) ? x20.rss < 300e6 : undefined),
    ]);
  }
  if (x1 && x20) {
    const t = x20.ms / x1.ms;
    rows.push([
      '(h) `tsag diff` linear in size: x20 ≤ 25 × x1 (each against its edited copy)',
      `${ms(x20.ms)} ms / ${ms(x1.ms)} ms = ${t.toFixed(1)}×; memory ${mib(x20.rss)} / ${mib(x1.rss)} MiB = ${ratio(x20.rss, x1.rss)}`,
      '≤ 25×',
      verdict(t <= 25),
    ]);
  }
  if (i?.runs) {
    const r = i.installed / i.checkout;
    rows.push([
      "(i) the installed package's `tsag build input/008C.docx` as fast as the checkout's",
      `${ms(i.installed)} ms vs ${ms(i.checkout)} ms = ${r.toFixed(2)}× (medians of ${i.runs}, interleaved)`,
      '≤ 1.10×',
      verdict(r <= 1.1),
    ]);
  }
  return rows;
}

function report(pandoc) {
  const present = files.filter((file) => inproc[file.key]);
  const has = (key) => present.some((file) => file.key === key);
  const cpus = os.cpus();
  const version = (name) => packageVersion(join(ROOT, 'node_modules', name));
  const pandocVersion = pandoc ? spawnSync(pandoc, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : 'not installed';
  const out = [];
  out.push('# tsag benchmark', '');
  out.push(
    table(
      ['', ''],
      [
        ['CPU', `${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`],
        ['memory', `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`],
        ['OS', `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`],
        ['load average (1 min) before / after', `${loadBefore[0].toFixed(2)} / ${os.loadavg()[0].toFixed(2)}`],
        ['Node', process.version],
        [
          'versions',
          `tsag ${packageVersion(ROOT)}, mammoth ${version('mammoth')}, docx ${version('docx')}, unified ${version('unified')}, remark-stringify ${version('remark-stringify')}, ${pandocVersion}`,
        ],
        ['date', new Date().toISOString()],
      ],
      { left: true },
    ),
    '',
  );

  // In-process times.
  const cols = present.map((file) => file.label);
  const x1 = inproc.docx;
  const x20 = inproc.x20;
  const header = ['in-process, median ms', ...cols, ...(x1 && x20 ? ['x20 / x1'] : [])];
  const row = (label, stage, { only } = {}) => {
    const cells = present.map((file) => (only && !only.includes(file.key) ? '' : ms(inproc[file.key][stage])));
    if (x1 && x20) cells.push(only && !only.includes('x20') ? '' : ratio(x20[stage], x1[stage]));
    return [label, ...cells];
  };
  const docxOnly = { only: ['docx', 'x20'] };
  const txtOnly = { only: ['txt'] };
  out.push(
    `## In-process (one fresh process per file; median of the runs after the warm-ups: ${present
      .map((file) => `${file.label} ${inproc[file.key].warmup} + ${inproc[file.key].runs}`)
      .join(', ')})`,
    '',
  );
  out.push(
    table(header, [
      [
        'input size',
        ...present.map((file) => `${(inproc[file.key].bytes / 1024).toFixed(0)} KiB, ${inproc[file.key].questions} Questions`),
        ...(x1 && x20 ? [ratio(x20.bytes, x1.bytes)] : []),
      ],
      row('**read** (bytes → model, `readDocument`)', 'read'),
      row('  of which mammoth (`convertToHtml` on the repacked package)', 'mammothInRead', docxOnly),
      row('  of which tsag (read − mammoth)', 'readBeyondMammoth', docxOnly),
      row('  guards (`inspectPackage`), alone', 'guards', docxOnly),
      row('  simplify for mammoth (`simplifyContentParts`), alone', 'simplify', docxOnly),
      row('  repack for mammoth (`repack`), alone', 'repack', docxOnly),
      row('  body (mammoth document → lines, `readBody`), alone', 'body', docxOnly),
      row('  decode (`decodeText`), alone', 'decode', txtOnly),
      row('  lines (`readTextLines`), alone', 'lines', txtOnly),
      row('  assemble (lines → model), alone', 'assemble'),
      row('**json** writer', 'json'),
      row('**md** writer', 'md'),
      row('**txt** writer', 'txt'),
      row('**docx** writer', 'docx'),
      row('**all outputs** (read + the four writers, one run)', 'all'),
      row('  all outputs, the first build in the process (not in the median)', 'first'),
      [
        '  008C.docx built just before and after each x20 run (x20 / x1 per run, median)',
        ...present.map((file) => (inproc[file.key].referenceAll !== undefined ? ms(inproc[file.key].referenceAll) : '')),
        ...(x1 && x20 ? [x20.allOverReferencePerRun ? `${x20.allOverReferencePerRun.toFixed(2)}×` : ''] : []),
      ],
      row('`mammoth.convertToHtml({ buffer })` alone, same file', 'mammoth', docxOnly),
      [
        'all outputs / mammoth alone (median of per-run ratios)',
        ...present.map((file) => (inproc[file.key].allOverMammothPerRun ? `${inproc[file.key].allOverMammothPerRun.toFixed(2)}×` : '')),
        ...(x1 && x20 ? [''] : []),
      ],
    ]),
    '',
  );

  // Memory.
  const memStages = [
    ['read', 'read'],
    ['json writer', 'json'],
    ['md writer', 'md'],
    ['txt writer', 'txt'],
    ['docx writer', 'docx'],
    ['all outputs (read + writers)', 'all'],
    ['`mammoth.convertToHtml` alone', 'mammoth'],
  ];
  const exact = Object.values(memory).every((stages) => Object.values(stages).every((m) => !m || m.exact));
  out.push(
    `## Peak memory in-process (one fresh process per file and stage, one run, modules loaded and heap collected first; ${
      exact ? 'peak = VmHWM reset through /proc/self/clear_refs' : 'peak = process maxRSS, set-up included'
    }): MiB above the RSS before the run (peak RSS in brackets)`,
    '',
  );
  const memCell = (key, stage) => {
    const m = memory[key]?.[stage];
    return m ? `${mib(m.peak - m.base)} (${mib(m.peak)})` : '';
  };
  const memGrowth = (stage) => {
    const a = memory.docx?.[stage];
    const b = memory.x20?.[stage];
    if (!a || !b) return '';
    // Below 1 MiB the x1 figure is page-granularity noise: a ratio would mean nothing.
    return a.peak - a.base < MiB ? 'n/a (x1 < 1 MiB)' : ratio(b.peak - b.base, a.peak - a.base);
  };
  out.push(
    table(
      ['stage', ...cols, ...(x1 && x20 ? ['x20 / x1 (above base)'] : [])],
      memStages.map(([label, stage]) => [label, ...present.map((file) => memCell(file.key, stage)), ...(x1 && x20 ? [memGrowth(stage)] : [])]),
    ),
    '',
  );
  // Processes.
  out.push(
    `## As processes (median wall time of ${PROCESS_RUNS} runs${has('x20') ? `, ${LARGE.processRuns} for the x20 file` : ''}; peak RSS by ${
      GNU_TIME ? 'GNU time (%M)' : 'sampling /proc/PID/status VmHWM every 2 ms'
    })`,
    '',
  );
  const procCell = (p) => (p ? `${ms(p.ms)} ms, ${mib(p.rss)} MiB` : '–');
  const procRows = [
    ["`node -e ''` (start-up alone)", ...present.map(() => procCell(procs.node))],
    ['`tsag build FILE -o TMP`', ...present.map((file) => procCell(procs[file.key]?.tsag))],
    ['  tsag − node start-up', ...present.map((file) => `${ms(procs[file.key]?.tsag?.ms - procs.node?.ms)} ms`)],
    ['`pandoc FILE -t gfm -o /dev/null`', ...present.map((file) => procCell(procs[file.key]?.pandoc))],
    ['tsag / pandoc', ...present.map((file) => ratio(procs[file.key]?.tsag?.ms, procs[file.key]?.pandoc?.ms))],
    [
      '`mammoth.convertToHtml` alone as a process (bench/mammoth-process.mjs: node, mammoth, one conversion)',
      ...present.map((file) => procCell(procs[file.key]?.mammoth)),
    ],
    ['mammoth alone / pandoc', ...present.map((file) => ratio(procs[file.key]?.mammoth?.ms, procs[file.key]?.pandoc?.ms))],
  ];
  if (procs.docx?.tsag && procs.x20?.tsag) {
    procRows.push([
      'x20 / x1 (tsag time, RSS)',
      '',
      ...(has('txt') ? [''] : []),
      `${ratio(procs.x20.tsag.ms, procs.docx.tsag.ms)}, ${ratio(procs.x20.tsag.rss, procs.docx.tsag.rss)}`,
    ]);
  }
  out.push(table(['process', ...cols], procRows), '');
  if (has('txt')) out.push('pandoc is not run on `.txt`: it would read it as Markdown (its default), which is not the same job.', '');

  // A build in a fresh process, step by step.
  const coldFiles = present.filter((file) => cold[file.key]);
  if (coldFiles.length > 0) {
    const steps = [
      ['node start-up (process start → first line of the script)', 'bootstrap'],
      ['import the CLI (app, build, files, writers/index, readers/index)', 'import.cli'],
      ['import the DOCX reader (mammoth, fflate, …)', 'import.docxReader'],
      ['import the text reader', 'import.textReader'],
      ['import the JSON writer', 'import.jsonWriter'],
      ['import the Markdown writer (unified, remark-stringify, mdast-util-gfm, mdast-util-frontmatter)', 'import.mdWriter'],
      ['import the text writer', 'import.txtWriter'],
      ['import the DOCX writer (docx)', 'import.docxWriter'],
      ['read the input file', 'readFile'],
      ['read (cold)', 'read'],
      ['json writer (cold)', 'json'],
      ['md writer (cold)', 'md'],
      ['txt writer (cold)', 'txt'],
      ['docx writer (cold)', 'docx'],
      ['write the four outputs atomically (fsync, rename)', 'write'],
    ];
    const imports = (c) =>
      Object.entries(c)
        .filter(([key]) => key.startsWith('import.'))
        .reduce((sum, [, v]) => sum + v, 0);
    const work = (c) => ['read', ...FORMATS].reduce((sum, key) => sum + (c[key] ?? 0), 0);
    out.push(
      `## \`tsag build\` step by step in a fresh process (bench/child.mjs \`cold\`, what src/cli/build.ts does, from dist/'s modules rather than the bundle the CLI runs; median of ${coldFiles
        .map((file) => `${cold[file.key].runs}`)
        .join('/')} processes), ms, against the warm in-process medians`,
      '',
    );
    const header2 = ['step', ...coldFiles.flatMap((file) => [`${file.label} cold`, `${file.label} warm`])];
    const warm = (file, key) => (inproc[file.key]?.[key] !== undefined ? ms(inproc[file.key][key]) : '');
    const rows2 = steps.map(([label, key]) => [
      label,
      ...coldFiles.flatMap((file) => [cold[file.key][key] === undefined ? '–' : ms(cold[file.key][key]), warm(file, key)]),
    ]);
    rows2.push(['**all imports**', ...coldFiles.flatMap((file) => [ms(imports(cold[file.key])), ''])]);
    rows2.push(['**read + writers**', ...coldFiles.flatMap((file) => [ms(work(cold[file.key])), ms(inproc[file.key]?.all)])]);
    rows2.push(['**total inside the process**', ...coldFiles.flatMap((file) => [ms(cold[file.key].total), ''])]);
    rows2.push([
      '`tsag build` wall time (table above), for comparison',
      ...coldFiles.flatMap((file) => [procs[file.key]?.tsag ? ms(procs[file.key].tsag.ms) : '–', '']),
    ]);
    out.push(table(header2, rows2), '');
  }

  // Targets.
  const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? '**PASS**' : '**FAIL**');
  const targets = [];
  if (x1) {
    // Per-run ratios of interleaved runs: robust to the machine's load drifting during the bench.
    const r = x1.allOverMammothPerRun ?? x1.all / x1.mammoth;
    targets.push([
      '(a) all outputs from 008C.docx ≤ 1.2 × `mammoth.convertToHtml` alone, in-process',
      `${r.toFixed(2)}× (median of per-run ratios; medians ${ms(x1.all)} ms vs ${ms(x1.mammoth)} ms)`,
      '≤ 1.20×',
      verdict(r <= 1.2),
    ]);
  }
  if (inproc.txt) {
    targets.push(['(b) all outputs from 008C.txt < 30 ms, in-process', `${ms(inproc.txt.all)} ms`, '< 30 ms', verdict(inproc.txt.all < 30)]);
  }
  if (procs.docx?.tsag) {
    const p = procs.docx.pandoc;
    const m = procs.docx.mammoth;
    const floor = p && m ? `; mammoth alone as a process: ${ms(m.ms)} ms = ${ratio(m.ms, p.ms)}` : '';
    targets.push([
      '(c) `tsag build input/008C.docx` ≤ `pandoc 008C.docx -t gfm`, as processes',
      p ? `${ms(procs.docx.tsag.ms)} ms vs ${ms(p.ms)} ms = ${ratio(procs.docx.tsag.ms, p.ms)}${floor}` : 'pandoc absent',
      '≤ 1.00×',
      verdict(p ? procs.docx.tsag.ms <= p.ms : undefined),
    ]);
  }
  if (x1 && x20) {
    // Per-run ratios against builds of 008C.docx made just before and after each x20 build: the
    // two sides see the same machine load. The ratio of the medians is shown beside it.
    const t = x20.allOverReferencePerRun ?? x20.all / x1.all;
    targets.push([
      '(d) x20 time ≤ 25 × x1 (all outputs, in-process)',
      `${t.toFixed(1)}× (median of per-run ratios, x1 built just before and after each x20 run; medians ${ms(x20.all)} ms / ${ms(x1.all)} ms = ${(x20.all / x1.all).toFixed(1)}×)`,
      '≤ 25×',
      verdict(t <= 25),
    ]);
    const a = memory.docx?.all;
    const b = memory.x20?.all;
    if (a && b) {
      const m = (b.peak - b.base) / (a.peak - a.base);
      targets.push([
        '(d) memory grows linearly: x20 ≤ 25 × x1 (peak above base, all outputs)',
        `${mib(b.peak - b.base)} MiB / ${mib(a.peak - a.base)} MiB = ${m.toFixed(1)}× (peak RSS ${mib(b.peak)} / ${mib(a.peak)} MiB)`,
        '≤ 25×',
        verdict(m <= 25),
      ]);
    }
  }
  targets.push(...userTargets(verdict));
  out.push('## Targets', '', table(['target', 'measured', 'limit', 'verdict'], targets), '');

  if (notes.length > 0) out.push('## Notes', '', ...notes.map((note) => `- ${note}`), '');
  out.push(`Bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);
}
