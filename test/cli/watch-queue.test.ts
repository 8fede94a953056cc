import { describe, expect, it } from 'vitest';
import { BuildQueue } from '../../src/cli/watch-queue.js';

/** Everything the queue lets start now. */
function takeAll(queue: BuildQueue): string[] {
  const started: string[] = [];
  for (let input = queue.take(); input !== undefined; input = queue.take()) started.push(input);
  return started;
}

describe('BuildQueue: what watch builds next', () => {
  it('runs up to its limit at once, oldest request first', () => {
    const queue = new BuildQueue(2);
    for (const input of ['a', 'b', 'c']) queue.request(input);
    expect(takeAll(queue)).toEqual(['a', 'b']);
    queue.done('a');
    expect(takeAll(queue)).toEqual(['c']);
  });

  it('a change while a build waits is covered by it; a change while it runs builds once more, after it', () => {
    const queue = new BuildQueue(2);
    queue.request('slow');
    queue.request('slow');
    expect(takeAll(queue)).toEqual(['slow']);
    queue.request('slow');
    queue.request('slow');
    queue.request('fast');
    // The slow input is not built twice at once; the fast one does not wait for it.
    expect(takeAll(queue)).toEqual(['fast']);
    queue.done('fast');
    expect(takeAll(queue)).toEqual([]);
    queue.done('slow');
    expect(takeAll(queue)).toEqual(['slow']);
    queue.done('slow');
    expect(queue.idle).toBe(true);
  });

  it('forgets what waits when cleared', () => {
    const queue = new BuildQueue(1);
    for (const input of ['a', 'b']) queue.request(input);
    expect(takeAll(queue)).toEqual(['a']);
    queue.clear();
    queue.done('a');
    expect(takeAll(queue)).toEqual([]);
    expect(queue.idle).toBe(true);
  });
});
