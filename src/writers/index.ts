import type { QuestionsDocument } from '../model/document.js';
import type { Read } from '../model/result.js';
import { withoutXmlChars } from './characters.js';

/** The output formats of `tsag build`, by the extension they are written with. */
export const OUTPUT_FORMATS = ['json', 'md', 'txt', 'docx', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * What `tsag build` and `tsag watch` write without `--formats`: the edition's data and its
 * documents. HTML is asked for (`--formats html`): a page of the edition for people to read,
 * which a build that feeds other tools does not need, and whose writer would add to every
 * build's time and output set (the index, the summary, the benchmark's "all outputs").
 */
export const DEFAULT_FORMATS = ['json', 'md', 'txt', 'docx'] as const satisfies readonly OutputFormat[];

/**
 * Renders outputs of one model, in the order of `formats`, with the warnings met on the way,
 * once for all of them (the characters dropped: ./characters.ts). The JSON is the model as it
 * is; every other output is written from the model without the characters XML 1.0 forbids or
 * discourages, so all of them hold the same text. Warnings name `file`, the file read (by
 * default the model's `source.fileName`).
 */
export async function renderAll(doc: QuestionsDocument, formats: readonly OutputFormat[], file?: string): Promise<Read<Uint8Array[]>> {
  const { value: clean, warnings } = formats.some((format) => format !== 'json') ? withoutXmlChars(doc, file) : { value: doc, warnings: [] };
  const value: Uint8Array[] = [];
  for (const format of formats) value.push(await write(format === 'json' ? doc : clean, format));
  return { value, warnings };
}

/** Renders one output: renderAll of one format. */
export async function render(doc: QuestionsDocument, format: OutputFormat, file?: string): Promise<Read<Uint8Array>> {
  const { value, warnings } = await renderAll(doc, [format], file);
  return { value: value[0] ?? new Uint8Array(), warnings };
}

/** The writer of `format`. Writers are loaded on first use (start-up time). */
async function write(doc: QuestionsDocument, format: OutputFormat): Promise<Uint8Array> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case 'json':
      return utf8((await import('./json.js')).writeJson(doc));
    case 'md':
      return utf8((await import('./markdown/index.js')).writeMarkdown(doc));
    case 'txt':
      return utf8((await import('./text.js')).writeText(doc));
    case 'docx':
      return (await import('./docx/index.js')).writeDocx(doc);
    case 'html':
      return utf8((await import('./html/index.js')).writeHtml(doc));
  }
}
