import { wrapsOnlyAtSpaces, type SoftBreaks } from '../text/soft-breaks.js';

/**
 * How the soft breaks of a Markdown text read (../text/soft-breaks.ts), judged from its paragraphs
 * as written: blank-line separated blocks, front matter, headings, tables, fences and footnote
 * definitions left out (their lines are not wrapped text).
 */
export function markdownSoftBreaks(text: string): SoftBreaks {
  const paragraphs: string[][] = [];
  let block: string[] = [];
  let frontMatter = text.startsWith('---\n');
  const flush = () => {
    if (block.length > 0 && !NOT_WRAPPED.test(block[0] ?? '')) paragraphs.push(block);
    block = [];
  };
  text.split('\n').forEach((line, i) => {
    if (frontMatter) {
      if (i > 0 && line === '---') frontMatter = false;
      return;
    }
    if (line.trim() === '') flush();
    else block.push(line);
  });
  flush();
  return wrapsOnlyAtSpaces(paragraphs) ? 'space' : 'cjk';
}

const NOT_WRAPPED = /^\s*(?:#|\||```|~~~|\[\^[^\]]*\]:)/u;
