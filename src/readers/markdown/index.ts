/**
 * Reads Markdown in the layout of `src/writers/markdown/index.ts` back into the model (remark-parse
 * with GFM and front matter, then a walk over the mdast). Markdown → model → Markdown is a
 * fixpoint, and model → Markdown → model is the identity.
 *
 * Metadata and provenance: the metadata is what the YAML front matter says, as written, source
 * included: a Markdown file written by tsag is a rendition of a model read from somewhere else
 * (`008C.txt`), and reading it back gives that model, as the JSON reader does. Where the
 * front matter has no `source` (hand-written Markdown), the source is this file:
 * `{ fileName, format: 'markdown', sha256 }`, the sha256 being the caller's (of the bytes) or
 * else that of the text as UTF-8. Where it has no `language`, the language is chosen as the text
 * and DOCX readers choose it (../assemble/language.ts `documentLanguage`), from the Markdown's lines.
 *
 * Keeps: `#` headings (the first → the front matter's heading, the second → the heading of the
 *   Questions part), with their number (`1 引言`); in the front matter, paragraphs, bullet lists
 *   and tables (the paragraph of strong text only, or matching the language's caption pattern,
 *   directly before a table is its caption); `##` Question headings (`A 第1/20号课题 – 标题`) and
 *   the continuation note under them; `###` section headings (`A.1 目的`), their paragraphs and
 *   lists (nested lists are level-2 items); in a relationships section, a paragraph ending in
 *   the label colon → a relationship group, the list after it → its items (as the text reader
 *   does, so a group without items comes back too); footnote references and
 *   definitions. Recomputed from the text, as every reader does: relationship `values`, the
 *   Question's `workProgrammeUrl`, the roles of sections and relationship groups.
 * Reads Markdown other tools write (./marked-lists.ts, ../text/soft-breaks.ts): paragraphs
 *   that start with a list marker of the language table (`–`, `•`: pandoc's GFM of a Word file)
 *   as list items, the marker giving the level; soft line breaks as a space, or as nothing between
 *   two CJK characters where an editor re-wrapped the text (../text/soft-breaks.ts says how it tells;
 *   footnotes keep their breaks); a last paragraph of
 *   underscores before the footnotes (Word's footnote rule) dropped as end matter.
 * Flattens to text: links (their text: a bare or `<…>` URL comes back exactly as written),
 *   emphasis, strong, inline code (its text); inline HTML tags and comments are dropped, what a
 *   tag wraps stays (./inline-html.ts); each with a `markdown.formattingDropped` warning
 *   except for autolinks, which lose nothing.
 * Warns and drops (`markdown.unexpected`, with the line): any other block (code, quote, HTML,
 *   rule, headings deeper than 3), blocks with no place in the model (before the first heading,
 *   between the Questions heading and the first Question), a `##` heading that is not a Question
 *   heading and what follows it up to the next heading. Front matter it cannot use:
 *   `markdown.frontMatter`. SDG numbers out of 1–17: `relationships.valueOutOfRange`, as the
 *   text reader says it.
 * Refuses (InputError): Markdown with no Question heading, an unknown language, containers
 *   nested deeper than remark can take (./depth.ts).
 * Not handled: footnote references in headings (left out), several paragraphs in one list item
 *   (the first is kept), a section heading without a number whose first word looks like one.
 */
import { createHash } from 'node:crypto';
import type * as Md from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  SCHEMA_VERSION,
  type Footnote,
  type Metadata,
  type NumberedHeading,
  type Part,
  type Question,
  type QuestionsDocument,
  type Section,
} from '../../model/document.js';
import { LANGUAGES, languageTable, sectionRole, type LanguageTable } from '../../model/languages.js';
import { InputError, warning, type Read, type Warning } from '../../model/result.js';
import { missingSectionWarnings } from '../../model/sections.js';
import { questionWorkProgrammeUrl } from '../../model/work-programme.js';
import { append } from '../../model/arrays.js';
import { tooLarge } from '../index.js';
import { baseName } from '../metadata.js';
import { flatText, frontBlocks, readFootnote, sectionBlocks, unexpected, type MarkdownContext } from './blocks.js';
import { readFrontMatter } from './front-matter.js';
import { markdownSoftBreaks } from './soft-breaks.js';
import { markdownLines } from './lines.js';
import { documentLanguage } from '../assemble/language.js';
import { matchQuestionHeading } from '../assemble/classify.js';
import { plainText } from '../../model/inline.js';
import { assemble } from '../assemble/index.js';
import { removeInlineHtml } from './inline-html.js';
import {
  DEFAULT_MAX_MARKDOWN_BYTES,
  MAX_MARKDOWN_BRACKETS,
  MAX_MARKDOWN_CONTAINER_COST,
  MAX_MARKDOWN_DEPTH,
  MAX_MARKDOWN_LINES,
  MAX_MARKDOWN_INLINE_COST,
  markdownBrackets,
  markdownDepth,
  markdownInlineCost,
  markdownShape,
} from './depth.js';
import type { SourceLines } from '../assemble/lines.js';

export interface MarkdownReadOptions {
  /** Force the language table (`--lang zh`) over the front matter's and over detection. */
  language?: string;
  /** sha256 of the bytes read, for the source of hand-written Markdown; else that of the text. */
  sha256?: string;
  /** The largest Markdown in UTF-8 bytes (`--max-text-size`); DEFAULT_MAX_MARKDOWN_BYTES if unset. */
  maxBytes?: number;
}

export function readMarkdown(text: string, file: string, options: MarkdownReadOptions = {}): Read<QuestionsDocument> {
  const { sha256 } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MARKDOWN_BYTES;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    const message = `too large for a Markdown input: ${tooLarge(size, maxBytes)}: refused (remark's parser slows with the square of the size; --max-text-size raises the limit)`;
    throw new InputError(file, '', message, 'input.tooLarge');
  }
  const nesting = markdownDepth(text);
  if (nesting.depth > MAX_MARKDOWN_DEPTH) {
    const message = `Markdown nested too deep (${nesting.depth} levels; limit ${MAX_MARKDOWN_DEPTH})`;
    throw new InputError(file, `line ${nesting.line}`, message, 'input.tooDeep');
  }
  const brackets = markdownBrackets(text);
  if (brackets.count > MAX_MARKDOWN_BRACKETS) {
    const message = `too many link brackets "[" in one paragraph (${brackets.count}; limit ${MAX_MARKDOWN_BRACKETS})`;
    throw new InputError(file, `line ${brackets.line}`, message, 'input.tooLarge');
  }
  const shape = markdownShape(text);
  if (shape.lines > MAX_MARKDOWN_LINES) {
    throw new InputError(file, '', `too many lines for a Markdown input: ${shape.lines} (limit ${MAX_MARKDOWN_LINES}); refused`, 'input.tooLarge');
  }
  if (shape.lines * shape.containerLines > MAX_MARKDOWN_CONTAINER_COST) {
    const message = `too costly to parse: ${shape.containerLines} list items or quotes in ${shape.lines} lines (remark's parser takes time in their product; at most ${MAX_MARKDOWN_CONTAINER_COST.toLocaleString('en-US')})`;
    throw new InputError(file, '', message, 'input.tooLarge');
  }
  const inline = markdownInlineCost(text);
  if (inline.cost > MAX_MARKDOWN_INLINE_COST) {
    const message = `too costly to parse: ${inline.openers} characters that may open inline syntax (< ] \` * _ ~ @) in a paragraph of ${inline.length} (tsag's own Markdown escapes them)`;
    throw new InputError(file, `line ${inline.line}`, message, 'input.tooLarge');
  }
  const root = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(text);
  const warnings: Warning[] = [];
  const html = removeInlineHtml(root);
  if (html.count > 0) {
    const where = { file, ...(html.line !== undefined && { line: html.line }) };
    warnings.push(
      warning('markdown.formattingDropped', where, `${html.count} inline HTML tag${html.count === 1 ? '' : 's'} dropped, the text they wrap kept`),
    );
  }
  const yaml = root.children.find((node): node is Md.Yaml => node.type === 'yaml');
  const front = yaml ? readFrontMatter(yaml, file, warnings) : {};

  const softBreaks = markdownSoftBreaks(text);
  // The Markdown's lines (./lines.ts), made once and only when needed: to detect the language of
  // Markdown without front matter, and to read Markdown that is not in tsag's layout.
  const lineWarnings: Warning[] = [];
  let lines: SourceLines | undefined;
  const linesOf = () => {
    lines ??= markdownLines(root, { file, warnings: lineWarnings, softBreaks }, footnoteRule(root.children));
    return lines;
  };
  const table = chooseTable(linesOf, front.language, options.language, file, warnings);
  const layoutWarnings: Warning[] = [];
  const walked = table && walkBody(root, { table, file, warnings: layoutWarnings, softBreaks });
  let body: Body & { language: string };
  if (table && walked && walked.questions.length > 0) {
    body = { ...walked, language: table.code };
    append(warnings, layoutWarnings);
  } else {
    // Not tsag's layout (no `## A Question…` heading): its lines, read as a text's are.
    const language = table?.code ?? options.language;
    const assembled = assemble(linesOf(), { file, ...(language !== undefined && { language }) });
    append(warnings, lineWarnings);
    append(warnings, assembled.warnings);
    body = assembled.value;
  }

  const metadata: Metadata = {
    language: body.language,
    source: front.source ?? {
      fileName: baseName(file),
      format: 'markdown',
      sha256: sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    ...(front.documentReference !== undefined && { documentReference: front.documentReference }),
    ...(front.footer !== undefined && { footer: front.footer }),
    images: front.images ?? [],
  };
  return {
    value: {
      schemaVersion: SCHEMA_VERSION,
      metadata,
      frontMatter: body.frontMatter,
      questionsHeading: body.questionsHeading,
      questions: body.questions,
      footnotes: body.footnotes,
    },
    warnings,
  };
}

function knownLanguage(code: string, file: string, where: string): LanguageTable {
  if (Object.hasOwn(LANGUAGES, code)) return languageTable(code);
  const known = Object.keys(LANGUAGES).join(', ');
  throw new InputError(file, where, `unknown language "${code}" (known: ${known})`, 'input.language');
}

/** The forced language, else the front matter's, else the one the headings read best in. */
function chooseTable(
  linesOf: () => SourceLines,
  written: string | undefined,
  forced: string | undefined,
  file: string,
  warnings: Warning[],
): LanguageTable | undefined {
  if (forced !== undefined) {
    const table = knownLanguage(forced, file, '');
    if (written !== undefined && written !== forced) {
      const message = `front matter says language "${written}", read as "${forced}" as asked`;
      warnings.push(warning('markdown.languageOverridden', { file }, message));
    }
    return table;
  }
  return written !== undefined ? knownLanguage(written, file, 'front matter') : detectLanguage(linesOf());
}

/**
 * The language of Markdown without front matter: chosen from its lines as the text and DOCX
 * readers choose (../assemble/language.ts): the table that reads the most Question headings, on a tie the
 * one with the most evidence of its language (English and French both write `Question 1/20`).
 */
function detectLanguage({ lines }: SourceLines): LanguageTable | undefined {
  return documentLanguage(
    lines,
    lines.map((line) => plainText(line.content)),
    Object.values(LANGUAGES),
  );
}

/** The text of a heading, footnote references left out. */
function headingText(heading: Md.Heading): string {
  return flatText(heading.children);
}

interface Body {
  frontMatter: Part;
  questionsHeading: NumberedHeading;
  questions: Question[];
  footnotes: Footnote[];
}

interface Run {
  heading?: Md.Heading;
  blocks: Md.RootContent[];
}

/** `1 引言`: a number is digits with dotted parts. */
const PART_NUMBER = /^(?<number>\d+(?:\.\d+)*)(?:\s+(?<title>.*))?$/su;
/** `A.1 目的`: a Question letter (or a number) with dotted parts. */
const SECTION_NUMBER = /^(?<number>(?:[A-Z]{1,3}|\d+)(?:\.\d+)+)(?:\s+(?<title>.*))?$/su;

function walkBody(root: Md.Root, ctx: MarkdownContext): Body {
  const runs: Run[] = [{ blocks: [] }];
  const footnotes: Footnote[] = [];
  const rule = footnoteRule(root.children);
  for (const node of root.children) {
    if (node.type === 'yaml' || node === rule) continue;
    if (node.type === 'footnoteDefinition') footnotes.push(readFootnote(node, ctx));
    else if (node.type === 'heading' && node.depth <= 3) runs.push({ heading: node, blocks: [] });
    else runs[runs.length - 1]?.blocks.push(node);
  }

  const body: Body = { frontMatter: { heading: NO_HEADING, blocks: [] }, questionsHeading: NO_HEADING, questions: [], footnotes };
  let parts = 0;
  let question: Question | undefined;
  /** The line of each Question's heading, for its warnings. */
  const questionLines: (number | undefined)[] = [];
  for (const { heading, blocks } of runs) {
    if (!heading) {
      unexpected(blocks, ctx, 'it comes before the first heading');
    } else if (heading.depth === 1) {
      ctx.section = undefined;
      if (parts === 0 && body.questions.length === 0) {
        body.frontMatter = { heading: splitNumber(headingText(heading), PART_NUMBER), blocks: frontBlocks(blocks, ctx) };
      } else if (parts === 1 && body.questions.length === 0) {
        body.questionsHeading = splitNumber(headingText(heading), PART_NUMBER);
        unexpected(blocks, ctx, 'it comes between the heading of the Questions and the first Question');
      } else {
        unexpected([heading, ...blocks], ctx, 'a third part heading');
      }
      parts++;
    } else if (heading.depth === 2) {
      question = readQuestion(heading, blocks, ctx);
      if (question) {
        body.questions.push(question);
        questionLines.push(heading.position?.start.line);
      }
    } else if (question) {
      question.sections.push(readSection(heading, blocks, question, ctx));
    } else {
      unexpected([heading, ...blocks], ctx, 'a section heading outside a Question');
    }
  }
  body.questions = body.questions.map((q) => withWorkProgrammeUrl(q, ctx.table));
  body.questions.forEach((question, index) => {
    const line = questionLines[index];
    const place = { file: ctx.file, ...(line !== undefined && { line }) };
    append(ctx.warnings, missingSectionWarnings(question, ctx.table, place));
  });
  return body;
}

const NO_HEADING: NumberedHeading = { number: '', title: '' };

/** `______`, escaped (`\\_\\_…`) by a converter of a Word file: the rule above its footnotes. */
const RULE = /^_{5,}$/u;

/**
 * The paragraph of underscores that is the last block before the footnote definitions (or the
 * end): Word's footnote separator, written as text by pandoc. It is end matter, as the text
 * reader takes the `______` rule; the same line amid the content stays content.
 */
function footnoteRule(nodes: readonly Md.RootContent[]): Md.RootContent | undefined {
  const content = nodes.filter((node) => node.type !== 'footnoteDefinition' && node.type !== 'yaml');
  const last = content[content.length - 1];
  return last?.type === 'paragraph' && RULE.test(flatText(last.children).trim()) ? last : undefined;
}

function splitNumber(text: string, pattern: RegExp): NumberedHeading {
  const groups = pattern.exec(text)?.groups;
  return groups ? { number: groups['number'] ?? '', title: groups['title'] ?? '' } : { number: '', title: text };
}

function readQuestion(heading: Md.Heading, blocks: Md.RootContent[], ctx: MarkdownContext): Question | undefined {
  const parsed = matchQuestionHeading(headingText(heading), ctx.table, true);
  ctx.section = parsed?.number;
  if (!parsed) {
    unexpected([heading, ...blocks], ctx, `not a Question heading (${ctx.table.questionHeadingHint})`);
    return undefined;
  }
  const question: Question = {
    letter: parsed.letter,
    number: parsed.number,
    studyGroup: parsed.studyGroup,
    title: parsed.title,
    sections: [],
  };
  const [first, ...rest] = blocks;
  const note = first?.type === 'paragraph' ? ctx.table.continuationNote.exec(flatText(first.children))?.groups?.['note'] : undefined;
  if (note !== undefined) question.continuation = note;
  unexpected(note !== undefined ? rest : blocks, ctx, 'it comes between a Question heading and its first section');
  return question;
}

/** The Question with its keys in the model's order and the URL its paragraphs give. */
function withWorkProgrammeUrl(question: Question, table: LanguageTable): Question {
  const { letter, number, studyGroup, title, continuation, sections } = question;
  const url = questionWorkProgrammeUrl(sections, table);
  return {
    letter,
    number,
    studyGroup,
    title,
    ...(continuation !== undefined && { continuation }),
    sections,
    ...(url !== undefined && { workProgrammeUrl: url }),
  };
}

function readSection(heading: Md.Heading, blocks: Md.RootContent[], question: Question, ctx: MarkdownContext): Section {
  const { number, title } = splitNumber(headingText(heading), SECTION_NUMBER);
  ctx.section = number || question.number;
  const role = sectionRole(ctx.table, title) ?? 'other';
  return { number, heading: title, role, blocks: sectionBlocks(blocks, role, ctx) };
}
