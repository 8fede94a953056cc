import type { QuestionsDocument } from '../model/document.js';

/** The output formats of `tsag build`, by the extension they are written with. */
export const OUTPUT_FORMATS = ['json', 'md', 'txt', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Renders one output. Writers are loaded on first use (start-up time). */
export async function render(doc: QuestionsDocument, format: OutputFormat): Promise<Uint8Array> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case 'json':
      return utf8((await import('./json.js')).writeJson(doc));
    case 'md':
      return utf8((await import('./markdown.js')).writeMarkdown(doc));
    case 'txt':
      return utf8((await import('./text.js')).writeText(doc));
    case 'docx':
      return (await import('./docx.js')).writeDocx(doc);
  }
}
