/**
 * Every warning code tsag gives, as one closed union: a reader, a check or a writer can only
 * warn with a code listed here, and tests assert codes, never the English of a message. Codes
 * are `family.name`; the README lists what each family covers (reading, structure, checks).
 */
export const WARNING_CODES = [
  // Reading DOCX (mammoth's document and the package)
  'docx.checkbox',
  'docx.comment',
  'docx.dropped',
  'docx.entryName',
  'docx.image',
  'docx.mammoth',
  'docx.nestedTable',
  'docx.trackedChanges',
  'docx.unknownElement',
  'docx.unknownStyle',
  // Reading Markdown
  'markdown.formattingDropped',
  'markdown.frontMatter',
  'markdown.languageOverridden',
  'markdown.unexpected',
  // Extraction noise and page furniture
  'noise.furniture',
  'noise.leftover',
  // The end matter of a text (footer, images)
  'endMatter.extraFooter',
  'endMatter.outOfPlace',
  // Footnotes
  'footnote.duplicate',
  'footnote.undefined',
  'footnote.unreferenced',
  // Question headings
  'question.itud',
  'question.numberMissing',
  'question.titleMissing',
  // Relationships, and their names compared across Questions (src/check/relationships.ts, labels.ts)
  'relationships.acronyms',
  'relationships.label',
  'relationships.names',
  'relationships.spelling',
  'relationships.typo',
  'relationships.valueOutOfRange',
  // Sections
  'section.duplicate',
  'section.duplicateItem',
  'section.empty',
  'section.heading',
  'section.missing',
  'section.number',
  'section.order',
  // The letters and numbers of the Questions
  'sequence.letter',
  'sequence.number',
  'sequence.studyGroup',
  // Where the assembler put what had no place
  'structure.beforeFirstHeading',
  'structure.captionWithoutTable',
  'structure.footnoteDropped',
  'structure.listLevel',
  'structure.missingHeading',
  'structure.relationshipList',
  'structure.relationshipParagraph',
  'structure.sectionLetter',
  'structure.tableColumns',
  'structure.tableHeader',
  'structure.tableWithoutCaption',
  'structure.unexpectedCaption',
  'structure.unexpectedHeading',
  'structure.unexpectedTable',
  'structure.unknownHeading',
  'structure.unknownLabel',
  'structure.unknownSection',
  'structure.unplaced',
  // Table 1 against the Questions
  'table.duplicateRow',
  'table.missing',
  'table.previousNumber',
  'table.questionWithoutRow',
  'table.rowWithoutQuestion',
  'table.status',
  'table.statusWording',
  'table.title',
  // Terms written in a variant the language table knows (src/check/terms.ts)
  'term.variant',
  // Work-programme links
  'workProgramme.missing',
  'workProgramme.question',
  // Writing
  'output.staleTemp',
  'output.xmlChar',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * What an `InputError` is about, for programs and tests (the message is for people). Every
 * error a user's input can cause has one of these; `internal` is a bug, never the input's fault.
 */
export const ERROR_CODES = [
  /** No Question heading read, in any language or layout. */
  'input.notQuestions',
  /** `--lang` or the front matter names a language tsag has no table for. */
  'input.language',
  /** Not a format tsag reads (an old .doc, a spreadsheet, a JSON that is not tsag's, a PDF without text). */
  'input.format',
  /** Bytes that do not decode as text (not UTF-8, UTF-16 with BOM or GB18030). */
  'input.encoding',
  /** Over a size, count or cost limit (bytes, lines, footnotes, objects, ZIP entries, expansion, PDF pages or time). */
  'input.tooLarge',
  /** Nested deeper than a limit (XML, JSON, Markdown containers, PDF objects). */
  'input.tooDeep',
  /** Damaged: corrupt ZIP, malformed XML or JSON, a duplicate key, a part missing, a truncated PDF. */
  'input.malformed',
  /** Refused for safety: a DTD (entity expansion), an encrypted entry or PDF. */
  'input.unsafe',
  /** A JSON model that breaks the model's rules (the schema, references, numbers). */
  'input.model',
  /** Not a regular file or folder, missing, unreadable, or changed while read. */
  'input.file',
  /** The read stopped (out of memory, the reading thread ended). */
  'input.stopped',
  /** An output that cannot be written (refused as it would overwrite an input, no space, no rights). */
  'output.write',
  /** A bug in tsag, not the input's fault. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
