/**
 * Where users wait (bench/run.mjs runs these after its own measurements): a batch of editions,
 * `tsag watch` from a save to the rewritten outputs, and `tsag diff` of a large edition against
 * an edited copy. Each returns plain figures; bench/run.mjs reports them with their targets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, runMeasured } from './measure.mjs';

function timed(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: result.status, stderr: result.stderr ?? '' };
}

/**
 * `count` copies of `docx` in one folder, built by one `tsag build FOLDER -o OUT` (all outputs),
 * against a shell loop of `pandoc FILE -t json` over the same files, and against mammoth alone
 * converting them on the same number of worker threads (bench/mammoth-batch.mjs, the floor of a
 * batch through mammoth); interleaved run by run.
 */
export function batch({ cli, pandoc, docx, scratch, count = 50, runs = 3 }) {
  const inputs = join(scratch, 'batch-in');
  mkdirSync(inputs);
  for (let i = 1; i <= count; i++) copyFileSync(docx, join(inputs, `edition-${String(i).padStart(3, '0')}.docx`));
  const tsag = [];
  const loop = [];
  const floor = [];
  const problems = [];
  const mammothBatch = new URL('mammoth-batch.mjs', import.meta.url).pathname;
  for (let run = 0; run < runs; run++) {
    const out = join(scratch, `batch-out-${run}`);
    const t = timed(process.execPath, [cli, 'build', inputs, '-o', out, '--quiet']);
    if (t.status === 0) tsag.push(t.ms);
    else problems.push(`batch: tsag build exited ${t.status}: ${t.stderr.trim().split('\n')[0]}`);
    rmSync(out, { recursive: true, force: true });
    const m = timed(process.execPath, [mammothBatch, inputs]);
    if (m.status === 0) floor.push(m.ms);
    else problems.push(`batch: bench/mammoth-batch.mjs exited ${m.status}: ${m.stderr.trim().split('\n')[0]}`);
    if (pandoc) {
      const p = timed('bash', ['-c', `for f in "$1"/*.docx; do "$2" "$f" -t json > /dev/null || exit 1; done`, 'loop', inputs, pandoc]);
      if (p.status === 0) loop.push(p.ms);
      else problems.push(`batch: the pandoc loop exited ${p.status}`);
    }
  }
  return { count, runs, tsag: median(tsag), pandoc: median(loop), mammoth: median(floor), problems };
}

/**
 * `tsag watch` on a folder holding a copy of `docx`: after the first build, the file is saved
 * again (rewritten with the same bytes) `saves` times, a second apart, and each time the wait
 * from the write to the line the watcher prints once it has written the outputs is timed, the
 * debounce included. The outputs' modification times are checked to have moved.
 */
export async function watchLatency({ cli, docx, scratch, saves = 7 }) {
  const dir = join(scratch, 'watch-in');
  const out = join(scratch, 'watch-out');
  mkdirSync(dir);
  const input = join(dir, 'edition.docx');
  copyFileSync(docx, input);
  const bytes = readFileSync(docx);
  const proc = spawn(process.execPath, [cli, 'watch', dir, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  const waiting = [];
  proc.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      if (line.includes('edition.docx')) waiting.shift()?.(process.hrtime.bigint());
    }
  });
  const nextLine = () => new Promise((resolve) => waiting.push(resolve));
  const latencies = [];
  const problems = [];
  try {
    await nextLine();
    const output = join(out, 'edition.json');
    for (let i = 0; i < saves; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const before = statSync(output).mtimeMs;
      const line = nextLine();
      const start = process.hrtime.bigint();
      writeFileSync(input, bytes);
      const end = await Promise.race([line, new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000))]);
      if (end === undefined) {
        problems.push('watch: no rebuild within 10 s of a save');
        break;
      }
      if (statSync(output).mtimeMs === before) problems.push('watch: a rebuild line without rewritten outputs');
      latencies.push(Number(end - start) / 1e6);
    }
  } finally {
    proc.kill('SIGINT');
    await new Promise((resolve) => proc.once('close', resolve));
  }
  return { saves: latencies.length, median: median(latencies), max: Math.max(...latencies), first: latencies[0], problems };
}

/**
 * A new edition of `docx`: read with tsag's library, every `every`-th text of its model changed
 * (a word added), and written as DOCX by tsag's writer, as an editor's next edition would be.
 */
export async function editedCopy({ root, docx, to, every = 10 }) {
  const { read, write } = await import(join(root, 'dist', 'index.js'));
  const { document } = await read(docx);
  let seen = 0;
  const edit = (node) => {
    if (Array.isArray(node)) node.forEach(edit);
    else if (node && typeof node === 'object') {
      if (node.type === 'text' && typeof node.value === 'string' && ++seen % every === 0) node.value += ' (edited)';
      Object.values(node).forEach(edit);
    }
  };
  edit(document.questions);
  writeFileSync(to, await write(document, 'docx'));
}

/** `tsag diff OLD NEW` as a process: wall time and peak RSS; exit 1 means changes found, as expected. */
export async function diffProcess({ cli, scratch, old, edited, runs = 3 }) {
  const samples = [];
  const problems = [];
  for (let run = 0; run < runs; run++) {
    const sample = await runMeasured(process.execPath, [cli, 'diff', old, edited], { cwd: process.cwd(), scratch });
    if (sample.status === 1) samples.push(sample);
    else problems.push(`diff: exited ${sample.status} (1 expected: the copy is edited): ${sample.stderr.trim().split('\n')[0]}`);
  }
  return { runs: samples.length, ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)), problems };
}

/**
 * The packed package installed into a fresh project (`npm pack`, `npm install TARBALL`), its
 * `tsag build FILE` against the checkout's, interleaved run by run.
 */
export function installedBuild({ root, cli, scratch, file, runs = 9 }) {
  const problems = [];
  const project = join(scratch, 'installed');
  mkdirSync(project);
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  const tarball = pack.stdout.trim().split('\n').pop() ?? '';
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bench-consumer', private: true }));
  const install = spawnSync('npm', ['install', join(scratch, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--silent'], {
    cwd: project,
    encoding: 'utf8',
  });
  if (pack.status !== 0 || install.status !== 0) {
    problems.push(`installed: npm pack / install failed: ${(pack.stderr + install.stderr).trim().split('\n')[0]}`);
    return { runs: 0, problems };
  }
  const installedCli = join(project, 'node_modules', 'tsag', 'dist', 'cli', 'main.js');
  const samples = { installed: [], checkout: [] };
  // One run of each first, not counted: the files just installed are read from disk once.
  for (let run = -1; run < runs; run++) {
    for (const [key, path] of [
      ['installed', installedCli],
      ['checkout', cli],
    ]) {
      const out = join(scratch, `installed-out-${key}`);
      const t = timed(process.execPath, [path, 'build', file, '-o', out, '--quiet'], { cwd: root });
      if (t.status !== 0) problems.push(`installed: ${key} tsag build exited ${t.status}`);
      else if (run >= 0) samples[key].push(t.ms);
    }
  }
  return { runs, installed: median(samples.installed), checkout: median(samples.checkout), problems };
}
