/**
 * The diff for a terminal: the overview first (one line per part, src/diff/summary.ts), then each
 * change at its place, named as the document names it (src/diff/labels.ts). Changed words are
 * marked as `git diff --word-diff` does (`[-old-]{+new+}`), or, with `color`, in red struck
 * through and green underlined (ANSI) without the brackets.
 *
 * Everything that comes from the editions (their text, file names, numbers, labels, metadata)
 * passes through `escapeControls` before it is styled, so that a document's own ESC or C1
 * sequences are shown, never obeyed, with colour or without; the only escape sequences
 * printed are this renderer's colours.
 */
import { append } from './arrays.js';
import { escapeControls as safe } from '../model/printable.js';
import { groupChanges, languageOf, outline, placeOf } from './report.js';
import { statLines, summarize } from './summary.js';
import type { Change, EditionDiff } from './types.js';
import type { WordOp } from './words.js';

export interface TerminalOptions {
  color: boolean;
  /** Only the overview (`tsag diff --stat`): one line per part that changed, then the total. */
  stat?: boolean;
}

/** Colour, and a second cue that survives without it (struck through, underlined), for readers who do not tell red from green. */
const ANSI = {
  del: '\u001b[31;9m',
  ins: '\u001b[32;4m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
} as const;

/** The sign in front of a change: what happened, at a glance. */
const SIGNS: Readonly<Record<Change['kind'], string>> = { added: '+', removed: '-', changed: '~', renumbered: '#', moved: '>' };

export function renderTerminal(diff: EditionDiff, options: TerminalOptions): string {
  const style = styler(options.color);
  const summary = summarize(diff);
  if (options.stat) return `${statLines(summary).map(safe).join('\n')}\n`;
  const lines: string[] = [style.bold(`tsag diff ${safe(diff.old.fileName)} ${safe(diff.new.fileName)}`), ''];
  append(lines, statLines(summary).map(safe));
  if (diff.metadata.length > 0) {
    lines.push('', 'Metadata (not content):');
    for (const change of diff.metadata) lines.push(`  ${change.field}: ${safe(change.old ?? '(none)')} -> ${safe(change.new ?? '(none)')}`);
  }
  for (const group of groupChanges(diff.changes)) {
    lines.push('', style.bold(safe(group.title)));
    for (const section of group.sections) {
      const indent = section.section !== undefined ? '    ' : '  ';
      if (section.section !== undefined) lines.push(`  ${style.bold(safe(section.section))}`);
      for (const change of section.changes) append(lines, changeLines(diff, change, indent, style));
    }
  }
  return `${lines.join('\n')}\n`;
}

function changeLines(diff: EditionDiff, change: Change, indent: string, style: Styler): string[] {
  const place = placeOf(change);
  const head = `${indent}${SIGNS[change.kind]} ${safe(place.element)} ${change.kind}`;
  const body = `${indent}    `;
  if (place.value !== undefined) return [`${head}: ${(change.kind === 'removed' ? style.del : style.ins)(safe(place.value))}`];
  switch (change.kind) {
    case 'changed':
      return [head, `${body}${wordsText(change.words ?? [], style)}`];
    case 'renumbered':
      return [`${head}: ${style.del(safe(change.old ?? ''))} ${style.ins(safe(change.new ?? ''))}`];
    case 'moved':
      return [`${head} (from ${safe(place.from ?? change.from ?? '')})`, `${body}${safe(change.new ?? '')}`];
    case 'added':
    case 'removed': {
      const mark = change.kind === 'added' ? style.ins : style.del;
      const content = change.node ? outline(change.node, languageOf(diff, change)) : [{ depth: 0, text: change.new ?? change.old ?? '' }];
      return [head, ...content.map((line) => `${body}${'  '.repeat(line.depth)}${mark(safe(line.text))}`)];
    }
  }
}

function wordsText(words: readonly WordOp[], style: Styler): string {
  return words.map(({ op, text }) => (op === 'equal' ? safe(text) : op === 'insert' ? style.ins(safe(text)) : style.del(safe(text)))).join('');
}

interface Styler {
  ins(text: string): string;
  del(text: string): string;
  bold(text: string): string;
}

function styler(color: boolean): Styler {
  if (!color) return { ins: (t) => `{+${t}+}`, del: (t) => `[-${t}-]`, bold: (t) => t };
  return {
    ins: (t) => `${ANSI.ins}${t}${ANSI.reset}`,
    del: (t) => `${ANSI.del}${t}${ANSI.reset}`,
    bold: (t) => `${ANSI.bold}${t}${ANSI.reset}`,
  };
}
