/**
 * What the reports share: changes grouped by part (a Question, the front matter) and section,
 * named as the document names them (src/diff/labels.ts), and the lines of a whole element
 * that was added or removed (rendered with the language table of its edition).
 */
import type { Block, ListItem, Section } from '../model/document.js';
import { languageTable, LANGUAGES, type LanguageTable } from '../model/languages.js';
import { rowText } from './table.js';
import type { Change, ChangedNode, EditionDiff, ChangePlace } from './types.js';

export { valueLabel } from './labels.js';
import { displayText } from './words.js';

export interface SectionGroup {
  /** The section as written (`A.1 目的`), or undefined for changes of the part itself. */
  section?: string;
  changes: Change[];
}

export interface ReportGroup {
  /** `Question 3/20 (C) – <title>`, `1 引言`, `Footnotes` (src/diff/labels.ts). */
  title: string;
  sections: SectionGroup[];
}

/** The changes in document order, grouped; a group starts wherever the place changes. */
export function groupChanges(changes: readonly Change[]): ReportGroup[] {
  const groups: ReportGroup[] = [];
  for (const change of changes) {
    const place = placeOf(change);
    let group = groups[groups.length - 1];
    if (group?.title !== place.part) {
      group = { title: place.part, sections: [] };
      groups.push(group);
    }
    let section = group.sections[group.sections.length - 1];
    if (!section || section.section !== place.section) {
      section = { ...(place.section !== undefined && { section: place.section }), changes: [] };
      group.sections.push(section);
    }
    section.changes.push(change);
  }
  return groups;
}

/** A change's place (a change built by hand, without one, is named by its path). */
export function placeOf(change: Change): ChangePlace {
  return (
    change.place ?? { part: change.question === undefined ? '' : `Question ${change.question}`, short: change.question ?? '', element: change.path }
  );
}

/** A line of a whole element: its text and how deep it sits (for indentation). */
export interface OutlineLine {
  /** At most MAX_OUTLINE_DEPTH. */
  depth: number;
  text: string;
}

/**
 * How deep an outline indents. A list can nest thousands of levels (a JSON input can): indented
 * in full, the terminal report grows with the square of the depth (20,000 levels: 400 MB), and
 * remark-stringify, which serialises nested lists by recursion, overflows the stack. Deeper
 * lines are shown at this depth, in order; no real text comes near it.
 */
export const MAX_OUTLINE_DEPTH = 100;

/** The lines of an added or removed element, in its edition's language. */
export function outline(node: ChangedNode, language: string): OutlineLine[] {
  const table = LANGUAGES[language] ? languageTable(language) : undefined;
  switch (node.type) {
    case 'question': {
      const q = node.value;
      const heading = table ? table.formatQuestionHeading(q.number, q.title) : `${q.number} ${q.title}`;
      const lines: OutlineLine[] = [{ depth: 0, text: `${q.letter} ${heading}` }];
      if (q.continuation !== undefined) lines.push({ depth: 0, text: table ? table.formatContinuationNote(q.continuation) : q.continuation });
      return [...lines, ...q.sections.flatMap((section) => sectionLines(section, table))];
    }
    case 'section':
      return sectionLines(node.value, table);
    case 'item':
      return itemLines(node.value, 0, table);
    case 'group':
      return blockLines(node.value, table);
    case 'row':
      return [{ depth: 0, text: rowText(node.value) }];
    case 'footnote':
      return [{ depth: 0, text: `[^${node.value.id}] ${node.value.text}` }];
  }
}

function sectionLines(section: Section, table?: LanguageTable): OutlineLine[] {
  return [{ depth: 0, text: `${section.number} ${section.heading}`.trim() }, ...section.blocks.flatMap((block) => blockLines(block, table))];
}

function blockLines(block: Block, table?: LanguageTable): OutlineLine[] {
  switch (block.type) {
    case 'paragraph':
      return [{ depth: 0, text: displayText(block.content) }];
    case 'list':
      return block.items.flatMap((item) => itemLines(item, 0, table));
    case 'relationshipGroup':
      return [
        { depth: 0, text: `${block.label}${table?.labelColon ?? ':'}` },
        ...block.items.map((item) => ({ depth: 0, text: `${marker(0, table)}${item}` })),
      ];
  }
}

/** An item and its children, depth first (by a stack: nesting is as deep as the input says). */
function itemLines(item: ListItem, depth: number, table?: LanguageTable): OutlineLine[] {
  const lines: OutlineLine[] = [];
  const stack: [ListItem, number][] = [[item, depth]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [current, level] = top;
    lines.push({ depth: Math.min(level, MAX_OUTLINE_DEPTH), text: `${marker(level, table)}${displayText(current.content)}` });
    for (let k = current.children.length - 1; k >= 0; k--) stack.push([current.children[k] as ListItem, level + 1]);
  }
  return lines;
}

function marker(depth: number, table?: LanguageTable): string {
  const markers = table?.listMarkers ?? ['-'];
  return `${markers[Math.min(depth, markers.length - 1)] ?? '-'} `;
}

/** The language of the edition a change's element comes from. */
export function languageOf(diff: EditionDiff, change: Change): string {
  return change.kind === 'removed' ? diff.old.language : diff.new.language;
}
