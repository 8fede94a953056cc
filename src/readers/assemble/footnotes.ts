import type { Block, FrontBlock, Footnote, Inline, ListItem, Part, Question } from '../../model/document.js';
import { warning, type Place, type Read, type Warning } from '../../model/result.js';

/**
 * Footnotes in the model are numbered by first reference ("1", "2", …) whatever the source
 * numbered them: LibreOffice's DOCX starts footnote ids at 2, a text extraction at 1, and two
 * renditions of one edition must give equal models. Only referenced notes are kept.
 */

/** The one warning for a reference to a footnote that has no text (the reference is removed). */
export function undefinedReference(id: string, where: Place): Warning {
  return warning('footnote.undefined', where, `removed reference to footnote ${id}, which has no text`);
}

/** The one warning for a footnote text that nothing references (the note is left out). */
export function unreferencedNote(note: Footnote, where: Place): Warning {
  return warning('footnote.unreferenced', where, `footnote ${note.id} is never referenced: ${note.text}`);
}

export interface Body {
  frontMatter: Part;
  questions: Question[];
}

export function renumberFootnotes(body: Body, sourceNotes: readonly Footnote[], file: string): Read<Body & { footnotes: Footnote[] }> {
  const warnings: Warning[] = [];
  const byId = new Map<string, Footnote>();
  for (const note of sourceNotes) if (!byId.has(note.id)) byId.set(note.id, note);
  const newIds = new Map<string, string>();
  const footnotes: Footnote[] = [];
  const missing = new Set<string>();

  const reference = (inline: Inline): Inline[] => {
    if (inline.type !== 'footnoteReference') return [inline];
    const note = byId.get(inline.id);
    if (!note) return [];
    let id = newIds.get(inline.id);
    if (id === undefined) {
      id = String(newIds.size + 1);
      newIds.set(inline.id, id);
      footnotes.push({ id, text: note.text });
    }
    return [{ type: 'footnoteReference', id }];
  };
  // Content without a reference is kept as it is, not copied: most lines have none, and a copy
  // of every line doubled the memory of reading 200 000 of them.
  const rewrite = (content: Inline[], section?: string): Inline[] => {
    if (!content.some((inline) => inline.type === 'footnoteReference')) return content;
    for (const inline of content) {
      if (inline.type !== 'footnoteReference' || byId.has(inline.id) || missing.has(inline.id)) continue;
      missing.add(inline.id);
      const where = { file, ...(section ? { section } : {}) };
      warnings.push(undefinedReference(inline.id, where));
    }
    return content.flatMap(reference);
  };

  const items = (list: readonly ListItem[], section?: string): ListItem[] =>
    list.map((item) => ({ content: rewrite(item.content, section), children: items(item.children, section) }));
  const block = <B extends Block | FrontBlock>(b: B, section?: string): B => {
    if (b.type === 'paragraph') return { ...b, content: rewrite(b.content, section) };
    if (b.type === 'list') return { ...b, items: items(b.items, section) };
    return b;
  };

  const frontMatter: Part = { ...body.frontMatter, blocks: body.frontMatter.blocks.map((b) => block(b)) };
  const questions = body.questions.map((question) => ({
    ...question,
    sections: question.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((b) => block(b, section.number)),
    })),
  }));
  for (const note of byId.values()) {
    if (!newIds.has(note.id)) {
      warnings.push(unreferencedNote(note, { file }));
    }
  }
  return { value: { frontMatter, questions, footnotes }, warnings };
}
