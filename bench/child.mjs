/**
 * One in-process measurement, run by bench/run.mjs in a fresh `node --expose-gc` process so that
 * what one measurement loads, compiles or leaves on the heap never reaches another.
 *
 *   node --expose-gc bench/child.mjs '{"mode":"pipeline","file":"input/008C.docx","runs":7,"warmup":2}'
 *
 * Modes (the answer is one line of JSON on stdout):
 * - `pipeline`: times every stage of one file, run after run. Each run is what `tsag build` does
 *   in memory (readDocument, then the json, md, txt and docx writers, in that order); the read
 *   of a DOCX is split by timing mammoth inside it (its `convertToHtml` is wrapped: tsag's reader
 *   calls it through the shared CommonJS exports object). After that, in the same run and outside
 *   the build's total: the reader's parts called alone (guards, simplify, repack, body, assemble for a DOCX;
 *   decode, lines, assemble for a text) and `mammoth.convertToHtml({ buffer })` on the original
 *   bytes, interleaved so that a change in machine load hits both sides of a ratio alike. With
 *   `reference` (the x1 file, for the x20 file), that file is built just before and just after
 *   each run, for a linearity ratio of builds made under the same load.
 * - `memory`: one stage, run once, after every module it needs is loaded and the heap collected;
 *   the peak RSS of that run (Linux: VmHWM, reset through /proc/self/clear_refs) minus the RSS
 *   before it. Writers get their model from a JSON file written by the pipeline run.
 * - `cold`: what `tsag build` does, once, in a fresh process, with a checkpoint after each step
 *   (start-up, each import, the cold read and writers, the atomic writes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const startedAt = performance.now();
const dist = new URL('../dist/', import.meta.url);
const task = JSON.parse(process.argv[2] ?? '{}');
const now = () => performance.now();

// ---------------------------------------------------------------- memory probes (Linux /proc)

function procStatus() {
  try {
    const text = readFileSync('/proc/self/status', 'utf8');
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Resets the peak RSS to the current RSS (Linux ≥ 4.0); false where that is not possible. */
function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Collects the heap before a memory measurement, so that its base is not the set-up's garbage. */
function settle() {
  globalThis.gc?.();
  globalThis.gc?.();
}

// ---------------------------------------------------------------- stages

const FORMATS = ['json', 'md', 'txt', 'docx'];

async function loadTsag() {
  const { readDocument, detectFormat } = await import(new URL('readers/index.js', dist));
  const { render } = await import(new URL('writers/index.js', dist));
  // The readers and writers are imported lazily by readDocument and render; load them now so
  // that no measured run pays for module loading.
  await Promise.all(
    [
      'readers/docx/index.js',
      'readers/text/index.js',
      'writers/json.js',
      'writers/markdown/index.js',
      'writers/text.js',
      'writers/docx/index.js',
    ].map((path) => import(new URL(path, dist))),
  );
  // Internal modules, for the reader's parts alone: a missing one only empties its rows.
  const internal = (path) => import(new URL(path, dist)).catch(() => ({}));
  const guards = await internal('readers/docx/guards.js');
  const { readBody } = await internal('readers/docx/body.js');
  const { simplifyContentParts } = await internal('readers/docx/simplify.js');
  const { assemble } = await internal('readers/assemble/index.js');
  const { decodeText } = await internal('readers/text/decode.js');
  const { readTextLines } = await internal('readers/text/index.js');
  const mammoth = (await import('mammoth')).default;
  return { readDocument, detectFormat, render, guards, readBody, simplifyContentParts, assemble, decodeText, readTextLines, mammoth };
}

async function pipeline({ file, runs, warmup, modelOut, reference }) {
  const t = await loadTsag();
  const bytes = readFileSync(file);
  const referenceBytes = reference ? readFileSync(reference) : undefined;
  const format = t.detectFormat(file, bytes);
  const original = t.mammoth.convertToHtml;
  let inRead = { ms: 0, document: undefined };
  const timedConvert = async (input, options = {}) => {
    const start = now();
    const transform = options.transformDocument ?? ((element) => element);
    const result = await original.call(t.mammoth, input, {
      ...options,
      transformDocument: (element) => {
        inRead.document = element;
        return transform(element);
      },
    });
    inRead.ms += now() - start;
    return result;
  };
  const buildReference = async () => {
    const begin = now();
    const { value } = await t.readDocument(referenceBytes, reference);
    for (const output of FORMATS) await t.render(value, output);
    return now() - begin;
  };
  const samples = [];
  const problems = new Set();
  let model;
  let first;
  for (let run = 0; run < warmup + runs; run++) {
    const sample = {};
    // No forced GC between runs: a forced full GC before each run makes mammoth ~2.5× slower
    // (the heap must grow again), which is not what a build sees.
    // What `tsag build` does in memory, stage by stage.
    // A build of the reference file (the x1 of a linearity figure) just before and just after
    // this run's build, so that their ratio compares builds made under the same machine load.
    const referenceBefore = referenceBytes ? await buildReference() : 0;
    inRead = { ms: 0, document: undefined };
    t.mammoth.convertToHtml = timedConvert;
    let start = now();
    const { value } = await t.readDocument(bytes, file);
    sample.read = now() - start;
    t.mammoth.convertToHtml = original;
    if (format === 'docx' && inRead.ms > 0) {
      sample.mammothInRead = inRead.ms;
      sample.readBeyondMammoth = sample.read - inRead.ms;
    } else if (format === 'docx') {
      problems.add('the DOCX read did not call mammoth.convertToHtml: its mammoth share is not measured');
    }
    for (const output of FORMATS) {
      start = now();
      await t.render(value, output);
      sample[output] = now() - start;
    }
    sample.all = sample.read + FORMATS.reduce((sum, output) => sum + sample[output], 0);
    model = value;
    if (referenceBytes) sample.referenceAll = (referenceBefore + (await buildReference())) / 2;

    // The reader's parts, each alone, outside the total. They are internal functions of dist/:
    // if one changed shape, its row is left empty and the problem is reported, not fatal.
    const part = async (name, work) => {
      try {
        const begin = now();
        const value = await work();
        sample[name] = now() - begin;
        return value;
      } catch (error) {
        problems.add(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        return undefined;
      }
    };
    if (format === 'docx') {
      const screened = await part('guards', () => t.guards.inspectPackage(bytes, file));
      const simplified = screened ? await part('simplify', () => t.simplifyContentParts(screened)) : undefined;
      if (screened) await part('repack', () => t.guards.repack(simplified ? { ...screened, parts: simplified } : screened));
      const body = inRead.document ? await part('body', () => t.readBody(inRead.document, { file, section: screened?.mainPart ?? '' })) : undefined;
      if (body) {
        const lines = { lines: body.lines, footnotes: body.footnotes, endMatter: { images: [] } };
        // As src/readers/docx/index.ts calls it (`unit` is ignored by versions that do not know it).
        await part('assemble', () => t.assemble(lines, { file, unit: 'paragraph' }));
      }
      await part('mammoth', () => original.call(t.mammoth, { buffer: bytes }));
    } else if (format === 'text') {
      const decoded = await part('decode', () => t.decodeText(bytes, file));
      const lines = decoded ? await part('lines', () => t.readTextLines(decoded.text, file)) : undefined;
      if (lines) await part('assemble', () => t.assemble(lines.value, { file }));
    }
    if (run === 0) first = sample.all;
    if (run >= warmup) samples.push(sample);
  }
  if (modelOut) writeFileSync(modelOut, JSON.stringify(model));
  return { samples, first, questions: model.questions.length, problems: [...problems] };
}

async function memory({ file, stage, model: modelFile }) {
  const t = await loadTsag();
  const bytes = readFileSync(file);
  const model = modelFile && FORMATS.includes(stage) ? JSON.parse(readFileSync(modelFile, 'utf8')) : undefined;
  const work = {
    read: () => t.readDocument(bytes, file),
    all: async () => {
      const { value } = await t.readDocument(bytes, file);
      for (const output of FORMATS) await t.render(value, output);
    },
    mammoth: () => t.mammoth.convertToHtml({ buffer: bytes }),
    ...Object.fromEntries(FORMATS.map((output) => [output, () => t.render(model, output)])),
  }[stage];
  if (!work) throw new Error(`unknown stage ${stage}`);
  settle();
  const exact = resetPeak();
  const before = procStatus();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  const start = now();
  await work();
  const ms = now() - start;
  const after = procStatus();
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  if (exact && before && after) return { ms, base: before.rss, peak: after.hwm, exact: true };
  // Without /proc: the process's peak so far (the stage cannot be told from the set-up).
  return { ms, base: maxBefore, peak: maxAfter, exact: false };
}

/**
 * What `tsag build FILE -o DIR` does, in a fresh process, with a checkpoint after each step:
 * node's own start-up (time from process start to this module's first line), the imports in the
 * order a build meets them (shared dependencies count once, where first met), then one cold run
 * of the read and each writer, and the four atomic writes (with fsync), as src/cli/build.ts does.
 */
async function cold({ file, outDir }) {
  // Checked first: an unset folder would write into a folder named "undefined".
  if (typeof outDir !== 'string' || outDir === '') throw new Error('cold: the task needs an "outDir" to write into');
  const bootstrap = startedAt;
  const groups = [
    ['cli', 'cli/app.js'],
    ['docxReader', 'readers/docx/index.js'],
    ['textReader', 'readers/text/index.js'],
    ['jsonWriter', 'writers/json.js'],
    ['mdWriter', 'writers/markdown/index.js'],
    ['txtWriter', 'writers/text.js'],
    ['docxWriter', 'writers/docx/index.js'],
  ];
  const result = { bootstrap };
  // A text build never loads the DOCX reader (readDocument imports readers lazily).
  const needed = file.toLowerCase().endsWith('.docx') ? groups : groups.filter(([name]) => name !== 'docxReader');
  for (const [name, path] of needed) {
    const start = now();
    await import(new URL(path, dist));
    result[`import.${name}`] = now() - start;
  }
  const { readDocument } = await import(new URL('readers/index.js', dist));
  const { render } = await import(new URL('writers/index.js', dist));
  const { writeFileAtomic } = await import(new URL('cli/files.js', dist));
  const { readFile } = await import('node:fs/promises');
  let start = now();
  const bytes = await readFile(file);
  result.readFile = now() - start;
  start = now();
  const { value } = await readDocument(bytes, file);
  result.read = now() - start;
  const rendered = [];
  for (const output of FORMATS) {
    start = now();
    rendered.push((await render(value, output)).value);
    result[output] = now() - start;
  }
  start = now();
  for (const [index, output] of FORMATS.entries()) await writeFileAtomic(`${outDir}/out.${output}`, rendered[index]);
  result.write = now() - start;
  result.total = now();
  return result;
}

const modes = { pipeline, memory, cold };
try {
  if (!Object.hasOwn(modes, task.mode)) throw new Error(`unknown mode "${task.mode}": ${Object.keys(modes).join(', ')}`);
  const result = await modes[task.mode](task);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  // One line for bench/run.mjs to report (it notes a child's failure and skips its rows).
  process.stderr.write(`bench/child.mjs: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exitCode = 1;
}
