/**
 * `target.push(...items)` without the spread: a spread call passes every item as an argument
 * on the stack, and 200 000 of them (lines, cells, warnings) overflow it — at a size that
 * differs between the main thread and a worker, so one file would build in a batch and fail
 * alone.
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
