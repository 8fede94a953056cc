/**
 * Hostile PDFs through the built CLI (`npm run build` first; skipped, saying so, without it):
 * each is refused with one line naming the file, exit 2, within 10 s of CPU and 300 MB. In the
 * built CLI pdf.js runs on a thread of its own that is stopped past its time or memory
 * (src/readers/pdf/extract.ts); from the sources (test/readers/pdf.test.ts) it cannot be.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createDeflate } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onePage, pageBomb } from '../helpers/pdf-bytes.js';
import { CLI, type CliRun, pool, runCli } from '../helpers/run-cli.js';

const BUILT = existsSync(CLI);
if (!BUILT) console.warn('skipped: the hostile PDFs through the CLI need npm run build');

const HELLO = 'BT /F1 12 Tf 72 700 Td (Question 1/20) Tj ET';

/**
 * Deflated, a chunk at a time: holding 300 MB here would raise the peak RSS the CLI children
 * report (Linux keeps a process's peak across fork and exec).
 */
async function deflated(head: string, spaces: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  async function* source() {
    yield Buffer.from(head);
    for (let left = spaces; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
  }
  const parts: Buffer[] = [];
  for await (const part of Readable.from(source()).pipe(createDeflate())) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A one-page PDF whose content stream inflates to `bytes` bytes of spaces after its text: 300 MB from 300 KB. */
async function inflationBomb(bytes: number): Promise<Uint8Array> {
  const head = new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n' +
      '5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n',
  );
  const data = await deflated(`${HELLO}\n`, bytes);
  const stream = Buffer.concat([
    Buffer.from(`4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`),
    data,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  // No cross-reference table: pdf.js finds the objects by scanning, as it does for a damaged file.
  return Buffer.concat([head, stream, Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n')]);
}

const CASES: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
  'encrypted.pdf': () =>
    onePage(
      HELLO,
      '',
      '/Count 1',
      `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >> /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>]`,
    ),
  'image-only.pdf': () => onePage('q 10 0 0 10 0 0 cm Q'),
  'truncated.pdf': () => onePage(HELLO).subarray(0, 300),
  'pages-10-million.pdf': () => pageBomb(['<< /Type /Page /MediaBox [0 0 595 842] >>']),
  'nested-100000.pdf': () => onePage(HELLO, `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  'inflates-300MB.pdf': () => inflationBomb(300_000_000),
};

describe.skipIf(!BUILT)('hostile PDFs through the built CLI', () => {
  let dir = '';
  const runs = new Map<string, CliRun>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsag-pdf-'));
    for (const [name, bytes] of Object.entries(CASES)) writeFileSync(join(dir, name), await bytes());
    const jobs = Object.keys(CASES).map((name) => async () => {
      runs.set(name, await runCli(['build', name, '-o', 'out', '--formats', 'json'], { cwd: dir, measured: true, timeoutMs: 30_000 }));
    });
    await pool(jobs, 2);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(CASES))('%s: one line, exit 2, within 10 s of CPU and 300 MB', (name) => {
    const run = runs.get(name) as CliRun;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${name.replace('.', '\\.')}: [^\\n]+\\n$`, 'u'));
    expect(run.cpuMs).toBeLessThan(10_000);
    expect(run.maxRssKiB).toBeLessThan(300 * 1024);
  });
});
