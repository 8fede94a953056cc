/**
 * Model → clean plain text: the document as the source text reads, without the extraction's
 * noise. Headings keep their number before a TAB (`1<TAB>引言`, `A<TAB>第1/20号课题 – …`,
 * `A.1<TAB>目的`); paragraphs are one line each; list items start with the language's marker
 * for their level and a TAB (`–<TAB>…`, `•<TAB>…`); a relationship group is its label with the
 * colon, then its items as level-1 items. Table 1 is laid out as the extraction lays it out:
 * the caption, then each cell on its own line starting with a TAB, a blank line between rows.
 * Blank lines separate the front matter, each Question and the end matter.
 *
 * A footnote reference is written `[1]` where it stands, and the footnote's text follows the
 * paragraph or item that first references it, on its own line as `[1] text`: every character
 * of the text stays in source order. Footnotes no text references come after the Questions.
 *
 * The page furniture (the footer line and the header image names) is written only on request
 * (`endMatter: true`), after a `______________` rule, as the source has it.
 *
 * LF line endings, no trailing whitespace on any line, one final newline. The text is written as
 * the model has it: `render` (./index.ts) first drops the characters no output holds (./characters.ts).
 */
import type { Block, Footnote, FrontBlock, Inline, ListItem, Metadata, Question, QuestionTable, QuestionsDocument } from '../model/document.js';
import { QUESTION_TABLE_FIELDS } from '../model/document.js';
import { languageTable, type LanguageTable } from '../model/languages.js';
import { listRows } from './list-rows.js';
import { assertNever } from '../model/never.js';

export interface TextWriteOptions {
  /** Write the page footer and image names after a rule at the end (default: no). */
  endMatter?: boolean;
}

const TAB = '\t';
/** The rule before the end matter, as Word extractions print a footnote separator. */
const RULE = '______________';

export function writeText(doc: QuestionsDocument, options: TextWriteOptions = {}): string {
  const writer = new TextWriter(languageTable(doc.metadata.language), doc.footnotes);
  writer.document(doc);
  if (options.endMatter) writer.endMatter(doc.metadata);
  return writer.result();
}

class TextWriter {
  private readonly lines: string[] = [];
  /** Footnotes not written yet, by id. */
  private readonly pending: Map<string, Footnote>;

  constructor(
    private readonly table: LanguageTable,
    footnotes: readonly Footnote[],
  ) {
    this.pending = new Map(footnotes.map((footnote) => [footnote.id, footnote]));
  }

  document(doc: QuestionsDocument): void {
    this.line(numbered(doc.frontMatter.heading.number, doc.frontMatter.heading.title));
    doc.frontMatter.blocks.forEach((block, index) => {
      const last = index === doc.frontMatter.blocks.length - 1;
      this.frontBlock(block);
      if (block.type === 'questionTable' && !last) this.blank();
    });
    this.blank();
    this.line(numbered(doc.questionsHeading.number, doc.questionsHeading.title));
    doc.questions.forEach((question, index) => {
      if (index > 0) this.blank();
      this.question(question);
    });
    if (this.pending.size > 0) {
      this.blank();
      for (const footnote of [...this.pending.values()]) this.footnote(footnote);
    }
  }

  endMatter(metadata: Metadata): void {
    if (!metadata.footer && metadata.images.length === 0) return;
    this.blank();
    this.line(RULE);
    this.blank();
    if (metadata.footer) this.line([metadata.footer.path, ...metadata.footer.dates].join(TAB));
    for (const image of metadata.images) this.line(image);
  }

  /** The lines, trailing whitespace trimmed, LF-terminated, with one final newline. */
  result(): string {
    const lines = this.lines.flatMap((line) => line.split(/\r\n|\r|\n/u)).map((line) => line.trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return `${lines.join('\n')}\n`;
  }

  private frontBlock(block: FrontBlock): void {
    switch (block.type) {
      case 'paragraph':
        return this.inlineLine('', block.content);
      case 'list':
        return this.listItems(block.items);
      case 'questionTable':
        return this.questionTable(block);
      default:
        return assertNever(block);
    }
  }

  /** The caption, the column headings, then one cell per line; a blank line ends each row. */
  private questionTable(block: QuestionTable): void {
    if (block.caption !== '') this.line(block.caption);
    const rows = [block.columns, ...block.rows.map((row) => QUESTION_TABLE_FIELDS.map((field) => row[field]))];
    rows.forEach((cells, index) => {
      if (index > 0) this.blank();
      for (const cell of cells) this.line(TAB + cell);
    });
  }

  private question(question: Question): void {
    this.line(numbered(question.letter, this.table.formatQuestionHeading(question.number, question.title)));
    if (question.continuation !== undefined) this.line(this.table.formatContinuationNote(question.continuation));
    for (const section of question.sections) {
      this.line(numbered(section.number, section.heading));
      for (const block of section.blocks) this.block(block);
    }
  }

  private block(block: Block): void {
    switch (block.type) {
      case 'paragraph':
        return this.inlineLine('', block.content);
      case 'list':
        return this.listItems(block.items);
      case 'relationshipGroup':
        this.line(block.label + this.table.labelColon);
        for (const item of block.items) this.line(this.marker(0) + item);
        return;
      default:
        return assertNever(block);
    }
  }

  /** Each item on its line, nested ones with their level's marker: no indentation grows with depth. */
  private listItems(items: readonly ListItem[]): void {
    for (const { item, depth } of listRows(items)) this.inlineLine(this.marker(depth), item.content);
  }

  /** `–<TAB>` for level 0, `•<TAB>` below; the deepest marker for any level beyond. */
  private marker(level: number): string {
    const markers = this.table.listMarkers;
    return (markers[Math.min(level, markers.length - 1)] ?? '') + TAB;
  }

  /** One line of inline content, then the footnotes it references first. */
  private inlineLine(prefix: string, content: readonly Inline[]): void {
    this.line(prefix + content.map((inline) => (inline.type === 'text' ? inline.value : `[${inline.id}]`)).join(''));
    for (const inline of content) {
      const footnote = inline.type === 'footnoteReference' ? this.pending.get(inline.id) : undefined;
      if (footnote) this.footnote(footnote);
    }
  }

  private footnote(footnote: Footnote): void {
    this.pending.delete(footnote.id);
    this.line(`[${footnote.id}] ${footnote.text}`);
  }

  private line(text: string): void {
    this.lines.push(text);
  }

  /** One blank line, never two in a row, none at the start. */
  private blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
}

/** `A.1<TAB>目的`; the title alone when there is no number. */
function numbered(number: string, title: string): string {
  return number === '' ? title : number + TAB + title;
}
