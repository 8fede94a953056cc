/**
 * Checks of what the sections hold: the same item twice in one section, relationship groups
 * whose label the language table does not know, extraction noise that survived cleaning,
 * footnote references and footnotes that do not meet, and each Question's link to its page
 * in the work programme.
 */
import type { QuestionsDocument, Section } from '../model/document.js';
import { finding, quote, type Finding } from './finding.js';
import { documentInlines, documentTexts, listTexts } from './texts.js';
import { isExcerpt } from './structure.js';

export function checkDuplicateItems(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  return doc.questions.flatMap((question) =>
    question.sections.flatMap((section) =>
      duplicates(sectionItems(section)).map(([text, count]) =>
        finding('section.duplicateItem', file, section.number || question.number, `item ${quote(text)} appears ${count} times`),
      ),
    ),
  );
}

/** The items of a section: of its lists (at every level) and of its relationship groups. */
function sectionItems(section: Section): string[] {
  return section.blocks.flatMap((block) => {
    if (block.type === 'list') return listTexts(block.items);
    if (block.type === 'relationshipGroup') return block.items;
    return [];
  });
}

function duplicates(texts: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const key = text.replace(/\s+/gu, ' ').trim();
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1);
}

export function checkLabels(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  return doc.questions.flatMap((question) =>
    question.sections.flatMap((section) =>
      section.blocks.flatMap((block) =>
        block.type === 'relationshipGroup' && block.role === 'other'
          ? [finding('structure.unknownLabel', file, section.number || question.number, `unknown relationship label: ${block.label}`)]
          : [],
      ),
    ),
  );
}

/**
 * What a text extraction leaves when the reader misses it. Tika writes `[bookmark: NAME]`,
 * `[footnoteRef:N]` and the footnote's text as `[N: …]`; Word names its hidden bookmarks
 * `_Toc…` (table of contents), `_Hlk…`, `_Ref…` and `_GoBack`.
 */
const NOISE: readonly RegExp[] = [/\[bookmark:[^\]]*\]?/u, /\[footnoteRef[^\]]*\]?/u, /\[\d+:/u, /_(?:Toc|Hlk|Ref)\d+|_GoBack/u];

export function checkNoise(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  const findings: Finding[] = [];
  for (const placed of documentTexts(doc)) {
    const found = NOISE.map((pattern) => pattern.exec(placed.text)).find((match) => match !== null);
    if (found)
      findings.push(
        finding('noise.leftover', file, placed.section, `extraction noise ${quote(found[0])} left in ${placed.what} ${quote(placed.text)}`),
      );
  }
  return findings;
}

export function checkFootnotes(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  const defined = new Set(doc.footnotes.map((note) => note.id));
  const referenced = new Set<string>();
  const findings: Finding[] = [];
  for (const { section, content } of documentInlines(doc)) {
    for (const inline of content) {
      if (inline.type !== 'footnoteReference') continue;
      if (!defined.has(inline.id) && !referenced.has(inline.id)) {
        findings.push(finding('footnote.undefined', file, section, `reference to footnote ${inline.id}, which has no text`));
      }
      referenced.add(inline.id);
    }
  }
  for (const note of doc.footnotes) {
    if (!referenced.has(note.id))
      findings.push(finding('footnote.unreferenced', file, `footnote ${note.id}`, `footnote ${note.id} is never referenced: ${quote(note.text)}`));
  }
  return findings;
}

/** Every Question links to its page in the work programme, whose `q=` is the Question's number. */
export function checkWorkProgramme(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  // A Question's web page does not print the link; an edition gives it for every Question.
  const excerpt = isExcerpt(doc);
  const findings: Finding[] = [];
  for (const question of doc.questions) {
    const url = question.workProgrammeUrl;
    if (url === undefined) {
      if (excerpt) continue;
      findings.push(finding('workProgramme.missing', file, question.number, `Question ${question.number} has no link to the work programme`));
      continue;
    }
    const q = queryParameter(url, 'q');
    if (q !== undefined && q !== question.number) {
      findings.push(
        finding('workProgramme.question', file, question.number, `the work-programme link of Question ${question.number} is for q=${q}: ${url}`),
      );
    }
  }
  return findings;
}

function queryParameter(url: string, name: string): string | undefined {
  try {
    return new URL(url).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
