/**
 * Metadata differences: where each model was read from and what the page footer says. They
 * are reported apart from the content, since two renditions of one edition (the DOCX and its
 * text extraction) differ exactly there.
 */
import type { Metadata } from '../model/document.js';
import type { MetadataChange } from './types.js';

/** The compared fields, in the model's order; lists are compared as a whole. */
const FIELDS: readonly [string, (metadata: Metadata) => string | undefined][] = [
  ['language', (m) => m.language],
  ['source.fileName', (m) => m.source.fileName],
  ['source.format', (m) => m.source.format],
  ['source.sha256', (m) => m.source.sha256],
  ['source.encoding', (m) => m.source.encoding],
  ['source.lineEndings', (m) => m.source.lineEndings],
  ['documentReference', (m) => m.documentReference],
  ['footer.path', (m) => m.footer?.path],
  ['footer.dates', (m) => m.footer?.dates.join(', ')],
  ['images', (m) => (m.images.length > 0 ? m.images.join(', ') : undefined)],
];

export function compareMetadata(old: Metadata, neu: Metadata): MetadataChange[] {
  const out: MetadataChange[] = [];
  for (const [field, get] of FIELDS) {
    const a = get(old);
    const b = get(neu);
    if (a === b) continue;
    out.push({ field, ...(a !== undefined && { old: a }), ...(b !== undefined && { new: b }) });
  }
  return out;
}
