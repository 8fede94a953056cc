import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory of the test run. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** `../shared` beside the checkout: the source documents and the robustness corpus. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function fromRoot(path: string): string {
  return ROOT + path;
}
