/** The default of a switch over a closed union: a compile error when a case is missing, a bug at run time. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
