import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/cli/watch-pool.js';

/** A worker that answers `n` with `n * 2` and `'id'` with its thread id; `'spin'` loops forever, `'crash'` exits. */
const WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort, threadId } from 'node:worker_threads';
    parentPort.on('message', (job) => {
      if (job === 'id') return parentPort.postMessage(threadId);
      if (job === 'spin') for (;;);
      if (job === 'crash') process.exit(3);
      parentPort.postMessage(job * 2);
    });
  `)}`,
);

describe('WorkerPool: the threads watch builds on', () => {
  it('answers jobs, one worker each at once, and says why when a worker stops', async () => {
    const pool = new WorkerPool<number | string, number>(WORKER);
    expect(await Promise.all([pool.run(1), pool.run(2)])).toEqual([
      { ok: true, reply: 2 },
      { ok: true, reply: 4 },
    ]);
    expect(await pool.run('crash')).toEqual({ ok: false, why: 'worker stopped (exit code 3)' });
    expect(await pool.run(5)).toEqual({ ok: true, reply: 10 });
    await pool.close();
  });

  it('close() ends a worker in the middle of an endless job, and later jobs are refused', async () => {
    const pool = new WorkerPool<number | string, number>(WORKER);
    const spinning = pool.run('spin');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.close();
    expect((await spinning).ok).toBe(false);
    expect(await pool.run(1)).toEqual({ ok: false, why: 'stopped' });
  });

  it('keeps a worker for the next job, and ends it once left idle long enough', async () => {
    const pool = new WorkerPool<string, number>(WORKER, 300);
    const thread = async () => {
      const answer = await pool.run('id');
      return answer.ok ? answer.reply : -1;
    };
    const first = await thread();
    expect(await thread()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await thread()).not.toBe(first);
    await pool.close();
  });
});
