import type { Inline } from './document.js';

/** The text of inline content, footnote references left out. */
export function plainText(content: readonly Inline[]): string {
  let out = '';
  for (const inline of content) if (inline.type === 'text') out += inline.value;
  return out;
}

/** Inline content for a plain string (no inline node for an empty string). */
export function textContent(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'text', value }];
}

/**
 * Merges adjacent text nodes and drops empty ones, so that two readers that split runs
 * differently (LibreOffice splits at every change of script) give equal models.
 */
export function normalizeInlines(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of content) {
    const last = out[out.length - 1];
    if (inline.type === 'text') {
      if (inline.value === '') continue;
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + inline.value };
      else out.push({ type: 'text', value: inline.value });
    } else out.push({ ...inline });
  }
  return out;
}

/** Trims trailing whitespace of inline content (the only trimming the model does). */
export function trimEndInlines(content: readonly Inline[]): Inline[] {
  const out = normalizeInlines(content);
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    const value = last.value.trimEnd();
    if (value === '') out.pop();
    else out[out.length - 1] = { type: 'text', value };
  }
  return out;
}
