/**
 * Every text of the model with where it is, for checks that look at all of them (leftover
 * noise). Metadata is not content and is left out.
 */
import { QUESTION_TABLE_FIELDS, type Block, type FrontBlock, type Inline, type ListItem, type QuestionsDocument } from '../model/document.js';
import { plainText } from '../model/inline.js';
import { tableRowPlace } from './finding.js';

export interface PlacedText {
  /** `A.2`, `1/20`, `table row 4/20`, `footnote 1`, or the front matter's heading number. */
  section?: string;
  /** What the text is, for a message: `paragraph`, `list item`, `title`. */
  what: string;
  text: string;
}

export function documentTexts(doc: QuestionsDocument): PlacedText[] {
  const texts: PlacedText[] = [];
  const front = doc.frontMatter.heading.number || undefined;
  const add = (section: string | undefined, what: string, text: string) => texts.push({ ...(section !== undefined ? { section } : {}), what, text });
  add(front, 'heading', doc.frontMatter.heading.title);
  for (const block of doc.frontMatter.blocks) {
    for (const text of blockTexts(block)) add(front, text.what, text.text);
    if (block.type === 'questionTable') {
      for (const row of block.rows) {
        for (const field of QUESTION_TABLE_FIELDS) add(tableRowPlace(row.newNumber), `cell ${field}`, row[field]);
      }
    }
  }
  add(doc.questionsHeading.number || undefined, 'heading', doc.questionsHeading.title);
  for (const question of doc.questions) {
    add(question.number, 'title', question.title);
    if (question.continuation !== undefined) add(question.number, 'continuation note', question.continuation);
    for (const section of question.sections) {
      const place = section.number || question.number;
      add(place, 'section heading', section.heading);
      for (const block of section.blocks) {
        for (const text of blockTexts(block)) add(place, text.what, text.text);
      }
    }
  }
  for (const note of doc.footnotes) add(`footnote ${note.id}`, 'footnote text', note.text);
  return texts;
}

function blockTexts(block: Block | FrontBlock): { what: string; text: string }[] {
  switch (block.type) {
    case 'paragraph':
      return [{ what: 'paragraph', text: plainText(block.content) }];
    case 'list':
      return listTexts(block.items).map((text) => ({ what: 'list item', text }));
    case 'relationshipGroup':
      return [{ what: 'relationship label', text: block.label }, ...block.items.map((text) => ({ what: `item under ${block.label}`, text }))];
    case 'questionTable':
      return [{ what: 'table caption', text: block.caption }, ...block.columns.map((text) => ({ what: 'table column heading', text }))];
  }
}

/** The texts of list items, depth first (an item, then its children). */
export function listTexts(items: readonly ListItem[]): string[] {
  return items.flatMap((item) => [plainText(item.content), ...listTexts(item.children)]);
}

/** Every inline content of the document with the section it is in (footnote references live here). */
export function documentInlines(doc: QuestionsDocument): { section?: string; content: readonly Inline[] }[] {
  const out: { section?: string; content: readonly Inline[] }[] = [];
  const front = doc.frontMatter.heading.number || undefined;
  const add = (section: string | undefined, blocks: readonly (Block | FrontBlock)[]) => {
    for (const block of blocks) {
      for (const content of blockInlines(block)) out.push({ ...(section !== undefined ? { section } : {}), content });
    }
  };
  add(front, doc.frontMatter.blocks);
  for (const question of doc.questions) {
    for (const section of question.sections) add(section.number || question.number, section.blocks);
  }
  return out;
}

function blockInlines(block: Block | FrontBlock): (readonly Inline[])[] {
  if (block.type === 'paragraph') return [block.content];
  if (block.type === 'list') return itemInlines(block.items);
  return [];
}

function itemInlines(items: readonly ListItem[]): (readonly Inline[])[] {
  return items.flatMap((item) => [item.content, ...itemInlines(item.children)]);
}
