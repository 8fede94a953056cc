/**
 * `target.push(...items)` without the spread. A spread call passes every item as an argument on
 * the stack, and V8 throws "Maximum call stack size exceeded" past about 100k of them (lines,
 * cells, tokens, warnings), at a size that differs between the main thread and a worker, so
 * that one file would build in a batch and fail alone. This loops instead.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
