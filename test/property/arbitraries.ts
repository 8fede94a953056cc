/**
 * fast-check generators of Questions documents for the round-trip properties: random Questions,
 * sections, nested lists, relationship groups, Table 1 and footnotes, in CJK and Latin text with
 * URLs and the characters Markdown gives a meaning to.
 *
 * Only models a rendition can express are generated. Each constraint below says why it holds;
 * they are of three kinds:
 * - the model's own rules (schema, README): texts have no line breaks and no trailing
 *   whitespace, text inlines are non-empty and never adjacent, footnotes are numbered "1", "2",
 *   … in order of first reference and each is referenced, derived fields (`studyGroup`, section
 *   and group `role`, `values`, `workProgrammeUrl`) are what the readers derive;
 * - ITU layout, which the readers recognise from the text as a text extraction has it: a
 *   paragraph that reads as a heading (`A.1<TAB>…`), a list item (`–<TAB>…`), a caption
 *   (`表1 – …`), a continuation note (`（…）`) or the end rule (`______`) is one; such texts get
 *   a harmless first character instead;
 * - what the formats cannot hold, listed where the generator avoids it.
 */
import fc from 'fast-check';
import type {
  Block,
  Footnote,
  FrontBlock,
  Inline,
  List,
  ListItem,
  Metadata,
  Paragraph,
  Question,
  QuestionTable,
  QuestionsDocument,
  RelationshipGroup,
  Section,
} from '../../src/model/document.js';
import { normalizeInlines, plainText, trimEndInlines } from '../../src/model/inline.js';
import { languageTable } from '../../src/model/languages.js';
import { readRelationshipValues } from '../../src/model/relationship-values.js';
import { questionWorkProgrammeUrl } from '../../src/model/work-programme.js';

export { anyMetadata, docxMetadata } from './metadata-arbitraries.js';
export { runs, timeoutMs } from './runs.js';

const zh = languageTable('zh');

// ---------------------------------------------------------------------------------------------
// Text

const CJK = [...'物联网智慧城市课题研究组目的任务关系表第号的和与及在中标准化'];
const LATIN = [...'abcxyzXYZAC0129'];
/** What Markdown (and GFM) give a meaning to, and the punctuation of Chinese ITU texts. */
const SPECIAL = [
  ...'*_|#[]<>\\`~&!()-+.:;\'"^={}$%@/?',
  ...'：；（），。、',
  '–', // the list marker, and the dash of Question headings
  '•',
  '[^1]',
  '&amp;',
  '<b>',
  '**',
  '- ',
  '1. ',
  '> ',
];
/** Whitespace inside a text (a text never starts or ends with it). */
const SPACE = [' ', ' ', '  ', '\t', '\u00a0', '\u3000'];
const URLS = [
  'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20',
  'http://example.com/a_b*c',
  'https://x.org/a.',
  'https://a.b/(x)',
  'www.itu.int',
  'mail@itu.int',
  'https://',
];

const word = fc.string({ unit: fc.constantFrom(...CJK, ...LATIN), minLength: 1, maxLength: 6 });

/** A run of words, specials, spaces and URLs: no line breaks, may start or end with a space. */
const rawText = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: word },
      { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
      { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
      { weight: 1, arbitrary: fc.constantFrom(...URLS) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** Leading whitespace: the readers keep none (Markdown strips it, list markers eat it). */
const LEADING_SPACE = /^[\s\u00a0\u3000]/u;

/**
 * What the readers take for structure at the start of a line, as ITU texts write it: a
 * heading number and a TAB, a list marker and a space, no-break space or TAB, a table caption, the `______`
 * rule that ends a text, a continuation note in full-width parentheses.
 */
function readsAsStructure(text: string): boolean {
  return (
    LEADING_SPACE.test(text) ||
    /^[–•][\t \u00a0]/u.test(text) ||
    /^(?:[A-Z]+(?:\.\d+)?|\d+)\t/u.test(text) ||
    zh.tableCaption.test(text) ||
    /^\s*_{5,}\s*$/u.test(text) ||
    zh.continuationNote.test(text)
  );
}

/** A text that reads as plain text at the start of a paragraph: if not, a CJK letter goes first. */
function plainStart(text: string): string {
  return readsAsStructure(text) ? `物${text}` : text;
}

/** A one-line text, trimmed at both ends (headings, labels, items, cells: the readers trim them). */
const trimmed = rawText.map((text) => text.trim());
const nonEmpty = trimmed.map((text) => (text === '' ? '物' : text));
/** A one-line text that reads as plain text at a line start. */
const plainLine = nonEmpty.map(plainStart);

// ---------------------------------------------------------------------------------------------
// Inline content; footnote references carry a slot (`slot2`) that `numberFootnotes` turns into
// the footnote's id in order of first reference.

const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 5, arbitrary: rawText.map((value): Inline => ({ type: 'text', value })) },
  { weight: 1, arbitrary: fc.nat(3).map((slot): Inline => ({ type: 'footnoteReference', id: `slot${slot}` })) },
);

/** Merged, trailing whitespace trimmed, and a plain start (footnote references have no text). */
function plainContent(content: readonly Inline[]): Inline[] {
  const out = trimEndInlines(normalizeInlines(content));
  if (out.length > 0 && readsAsStructure(plainText(out))) return normalizeInlines([{ type: 'text', value: '物' }, ...out]);
  return out;
}

// An empty paragraph is not representable: Markdown has none, and an empty Word paragraph is
// no line of text.
const paragraphContent = fc
  .array(inline, { minLength: 1, maxLength: 4 })
  .map(plainContent)
  .filter((c) => c.length > 0);
const paragraph: fc.Arbitrary<Paragraph> = paragraphContent.map((content) => ({ type: 'paragraph', content }));

/**
 * Lists nest three deep at most: ITU texts have three list levels (`enumlev1`–`3`), and the
 * DOCX writer has no fourth. An item without content may hold sub-items, but not starting with
 * another item without content: Markdown writes that as `- -`, which, nested in an item, reads
 * back as the text "-" (remark-stringify and micromark disagree; the DOCX round trip keeps it).
 */
function listItems(depth: number): fc.Arbitrary<ListItem[]> {
  const none = fc.constant<ListItem[]>([]);
  const children = depth >= 3 ? none : fc.oneof({ weight: 3, arbitrary: none }, { weight: 1, arbitrary: listItems(depth + 1) });
  const item: fc.Arbitrary<ListItem> = fc
    .record({ content: fc.array(inline, { maxLength: 3 }).map(plainContent), children })
    .map((item) =>
      item.content.length === 0 && item.children[0]?.content.length === 0 ? { ...item, content: [{ type: 'text', value: '物' }] } : item,
    );
  return fc.array(item, { minLength: 1, maxLength: 3 });
}
const list: fc.Arbitrary<List> = listItems(1).map((items) => ({ type: 'list', items }));

/** Two lists in a row are one list to every reader: a list is never followed by a list. */
function noAdjacentLists<B extends { type: string }>(blocks: B[]): B[] {
  return blocks.filter((block, index) => !(block.type === 'list' && blocks[index - 1]?.type === 'list'));
}

// ---------------------------------------------------------------------------------------------
// Blocks

/**
 * Table 1. Its caption is not empty (a table without one, right after another table, would
 * be read as more rows of that table), nor is any row (an empty row is no line in a text
 * extraction or a Word table read as text). The writers lay it out in five columns, padding
 * the column headings: fewer headings come back only if the last is not empty.
 */
const questionTable: fc.Arbitrary<QuestionTable> = fc
  .record({
    caption: plainLine,
    columns: fc.array(trimmed, { maxLength: 5 }),
    rows: fc.array(fc.tuple(trimmed, trimmed, trimmed, trimmed, trimmed), { minLength: 1, maxLength: 3 }),
  })
  .map(({ caption, columns, rows }) => {
    while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
    return {
      type: 'questionTable',
      caption,
      columns,
      rows: rows.map(([newNumber, currentTitle, status, previousNumber, previousTitle]) => ({
        newNumber: [newNumber, currentTitle, status, previousNumber, previousTitle].every((t) => t === '') ? '1/20' : newNumber,
        currentTitle,
        status,
        previousNumber,
        previousTitle,
      })),
    };
  });

const frontBlocks: fc.Arbitrary<FrontBlock[]> = fc
  .array(fc.oneof<fc.Arbitrary<FrontBlock>[]>(paragraph, list, questionTable), { maxLength: 4 })
  .map(noAdjacentLists);

const sectionBlocks: fc.Arbitrary<Block[]> = fc.array(fc.oneof<fc.Arbitrary<Block>[]>(paragraph, list), { maxLength: 4 }).map(noAdjacentLists);

/** A label (without its colon) and its items, which are plain strings in the model. */
const relationshipGroup: fc.Arbitrary<RelationshipGroup> = fc
  .record({
    label: fc.oneof(fc.constantFrom(...Object.keys(zh.relationshipRoles)), plainLine),
    items: fc.array(fc.oneof(fc.constantFrom('C2、C3、C5', '9、10 和 11', 'Y.4000系列 包括Y.4100/Y.2066', '第1/20号课题'), trimmed.map(plainStart)), {
      maxLength: 3,
    }),
  })
  .map(({ label, items }) => {
    const role = Object.hasOwn(zh.relationshipRoles, label) ? (zh.relationshipRoles[label] ?? 'other') : 'other';
    const { values } = readRelationshipValues(role, items, zh);
    return { type: 'relationshipGroup', label, role, items, ...(values ? { values } : {}) };
  });

// A relationships section holds groups only: a paragraph or list there is read as a group's
// label or items whenever it follows a group or ends with a colon.
function section(letter: string, n: number): fc.Arbitrary<Section> {
  return fc
    .oneof(
      fc.constantFrom(...Object.keys(zh.sectionRoles)),
      plainLine.map((heading) => heading.replace(/\t/gu, ' ')),
    )
    .chain((heading) => {
      const role = Object.hasOwn(zh.sectionRoles, heading) ? (zh.sectionRoles[heading] ?? 'other') : 'other';
      const blocks: fc.Arbitrary<Block[]> = role === 'relationships' ? fc.array(relationshipGroup, { maxLength: 3 }) : sectionBlocks;
      return blocks.map((b): Section => ({ number: `${letter}.${n}`, heading, role, blocks: b }));
    });
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

function question(index: number): fc.Arbitrary<Question> {
  const letter = LETTERS[index % 26]!.repeat(1 + Math.floor(index / 26));
  return fc
    .record({
      number: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 20 })),
      title: nonEmpty,
      continuation: fc.option(nonEmpty, { nil: undefined }),
      sectionCount: fc.nat(4),
    })
    .chain(({ number: [n, group], title, continuation, sectionCount }) =>
      fc.tuple(...Array.from({ length: sectionCount }, (_, i) => section(letter, i + 1))).map(
        (sections): Question => ({
          letter,
          number: `${n}/${group}`,
          studyGroup: group,
          title,
          ...(continuation !== undefined ? { continuation } : {}),
          sections,
        }),
      ),
    );
}

/**
 * A document heading. Without a number, its title must not start with something a reader
 * would take for one (`1 引言`, `A.1 …`), so it starts with a CJK letter.
 */
const numberedHeading = fc
  .record({ number: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 12 }).map(String)), title: nonEmpty })
  .map(({ number, title }) => ({ number, title: number === '' && !/^[\u4e00-\u9fff]/u.test(title) ? `物${title}` : title }));

// ---------------------------------------------------------------------------------------------
// The document

/**
 * Footnote references get the ids a reader gives them, "1", "2", … in order of first reference
 * (front matter, then Questions, each list item before its children), and the footnotes are
 * exactly the referenced ones, in that order.
 */
function numberFootnotes(doc: QuestionsDocument, texts: readonly string[]): QuestionsDocument {
  const ids = new Map<string, string>();
  const footnotes: Footnote[] = [];
  const content = (inlines: readonly Inline[]): Inline[] =>
    inlines.map((inline) => {
      if (inline.type !== 'footnoteReference') return inline;
      let id = ids.get(inline.id);
      if (id === undefined) {
        id = String(ids.size + 1);
        ids.set(inline.id, id);
        footnotes.push({ id, text: texts[Number(inline.id.slice(4))] ?? '' });
      }
      return { type: 'footnoteReference', id };
    });
  const items = (list: readonly ListItem[]): ListItem[] =>
    list.map((item) => {
      const itemContent = content(item.content);
      return { content: itemContent, children: items(item.children) };
    });
  const block = <B extends Block | FrontBlock>(b: B): B => {
    if (b.type === 'paragraph') return { ...b, content: content(b.content) };
    if (b.type === 'list') return { ...b, items: items(b.items) };
    return b;
  };
  const frontMatter = { ...doc.frontMatter, blocks: doc.frontMatter.blocks.map(block) };
  const questions = doc.questions.map((q) => ({
    ...q,
    sections: q.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })),
  }));
  return { ...doc, frontMatter, questions, footnotes };
}

/** A Question's URL is derived from its paragraphs, as every reader derives it. */
function withUrls(doc: QuestionsDocument): QuestionsDocument {
  const questions = doc.questions.map((q) => {
    const url = questionWorkProgrammeUrl(q.sections, zh);
    return url === undefined ? q : { ...q, workProgrammeUrl: url };
  });
  return { ...doc, questions };
}

export function questionsDocument(metadata: fc.Arbitrary<Metadata>): fc.Arbitrary<QuestionsDocument> {
  return fc
    .record({
      metadata,
      frontHeading: numberedHeading,
      frontBlocks,
      questionsHeading: numberedHeading,
      questionCount: fc.integer({ min: 1, max: 3 }),
      // Footnote texts: one line, trimmed (a reader trims a note's text).
      noteTexts: fc.array(trimmed, { minLength: 4, maxLength: 4 }),
    })
    .chain(({ questionCount, noteTexts, ...rest }) =>
      fc.tuple(...Array.from({ length: questionCount }, (_, i) => question(i))).map((questions) =>
        withUrls(
          numberFootnotes(
            {
              schemaVersion: 1,
              metadata: rest.metadata,
              frontMatter: { heading: rest.frontHeading, blocks: rest.frontBlocks },
              questionsHeading: rest.questionsHeading,
              questions,
              footnotes: [],
            },
            noteTexts,
          ),
        ),
      ),
    );
}
