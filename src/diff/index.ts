/**
 * Edition-to-edition comparison on the model: `diffEditions(old, new)` gives the content
 * changes in document order and the metadata differences apart; the renderers turn that into
 * a terminal report, Markdown or JSON. All pure: the CLI reads the files and prints.
 *
 * What is compared: the front matter (heading, paragraphs, list items, Table 1), the heading
 * of the Questions part, each Question (title, continuation note, sections with their
 * paragraphs, items and relationship groups) and the footnotes. What is not: metadata
 * (reported apart), Question letters and section numbers (numbering), and what the model
 * derives from the text (study group, work-programme URL: their text is compared).
 */
import type { NumberedHeading, QuestionsDocument } from '../model/document.js';
import { compareBlocks } from './compare-blocks.js';
import { compareStrings, indexed, record, side, type DiffContext } from './context.js';
import { steps } from './lcs.js';
import { pairFootnotes, pairQuestions } from './match.js';
import { labelChanges } from './labels.js';
import { compareMetadata } from './metadata.js';
import { compareQuestions } from './questions.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderTerminal, type TerminalOptions } from './render-terminal.js';
import type { EditionDiff } from './types.js';
import { noteLessSide, UNCARRIED, uncarriedChange } from './uncarried.js';

export type { Change, ChangeKind, ChangeTarget, ChangedNode, EditionDiff, EditionInfo, MetadataChange, ChangePlace } from './types.js';
export type { WordOp } from './words.js';
export { renderHtml, renderJson, renderMarkdown, renderTerminal };
export type { TerminalOptions };
export { statLines, summarize, type KindCount, type PartSummary, type Summary } from './summary.js';
export { tokenize } from './tokens.js';

export function diffEditions(old: QuestionsDocument, neu: QuestionsDocument): EditionDiff {
  const footnotes = pairFootnotes(old, neu);
  const newIdOf = new Map(footnotes.pairs.map(([a, b]) => [old.footnotes[a]?.id, neu.footnotes[b]?.id]));
  // Footnotes the other side's text does not carry are not compared (./uncarried.ts).
  const noteLess = noteLessSide(old, neu);
  const context: DiffContext = {
    old: side(old.metadata.language, (id) => (noteLess === 'new' ? UNCARRIED + id : newIdOf.has(id) ? `new:${newIdOf.get(id)}` : `old:${id}`)),
    new: side(neu.metadata.language, (id) => (noteLess === 'old' ? UNCARRIED + id : `new:${id}`)),
    changes: [],
  };
  const questions = pairQuestions(old, neu);
  const renumbered = new Map<string, string>();
  for (const [a, b] of questions.pairs) {
    const from = old.questions[a]?.number;
    const to = neu.questions[b]?.number;
    if (from !== undefined && to !== undefined && from !== to) renumbered.set(from, to);
  }

  compareHeading(context, 'frontMatter.heading', old.frontMatter.heading, neu.frontMatter.heading);
  compareBlocks(context, 'frontMatter', old.frontMatter.blocks, neu.frontMatter.blocks, renumbered);
  compareHeading(context, 'questionsHeading', old.questionsHeading, neu.questionsHeading);
  compareQuestions(context, old, neu, questions);
  for (const step of noteLess ? [] : steps(old.footnotes.length, neu.footnotes.length, footnotes)) {
    if (step.op === 'added') {
      const note = neu.footnotes[step.new];
      if (note)
        record(context, {
          kind: 'added',
          target: 'footnote',
          path: indexed('', 'footnotes', note.id),
          new: note.text,
          node: { type: 'footnote', value: note },
        });
    } else if (step.op === 'removed') {
      const note = old.footnotes[step.old];
      if (note) {
        record(context, {
          kind: 'removed',
          target: 'footnote',
          path: indexed('', 'footnotes', note.id),
          old: note.text,
          at: step.at,
          node: { type: 'footnote', value: note },
        });
      }
    } else {
      const a = old.footnotes[step.old];
      const b = neu.footnotes[step.new];
      if (a && b) compareStrings(context, 'footnote', indexed('', 'footnotes', b.id), a.text, b.text);
    }
  }

  const info = (doc: QuestionsDocument) => ({
    fileName: doc.metadata.source.fileName,
    format: doc.metadata.source.format,
    language: doc.metadata.language,
  });
  const metadata = compareMetadata(old.metadata, neu.metadata);
  if (noteLess) metadata.push(uncarriedChange(noteLess, noteLess === 'new' ? old : neu));
  return { old: info(old), new: info(neu), changes: labelChanges(context.changes, old, neu), metadata };
}

/** The renderings of a diff, by the name `tsag diff --format` takes. */
export const DIFF_FORMATS = ['terminal', 'md', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Renders a diff; `color` applies to the terminal rendering only. */
export function renderDiff(diff: EditionDiff, format: DiffFormat, options: TerminalOptions = { color: false }): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(diff, options);
    case 'md':
      return renderMarkdown(diff);
    case 'json':
      return renderJson(diff);
    case 'html':
      return renderHtml(diff);
  }
}

/** The CLI's exit status: 0 without content changes, 1 with; metadata differences do not count. */
export function hasContentChanges(diff: EditionDiff): boolean {
  return diff.changes.length > 0;
}

function compareHeading(context: DiffContext, path: string, old: NumberedHeading, neu: NumberedHeading): void {
  const text = (heading: NumberedHeading) => `${heading.number} ${heading.title}`.trim();
  compareStrings(context, 'heading', path, text(old), text(neu));
}
