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
  // Reading Markdown
  'markdown.formattingDropped',
  'markdown.frontMatter',
  'markdown.languageOverridden',
  'markdown.unexpected',
  // Extraction noise and page furniture
  'noise.footnoteOrphan',
  'noise.furniture',
  'noise.leftover',
  // The end matter of a text (footer, images)
  'endMatter.extraFooter',
  'endMatter.outOfPlace',
  // Footnotes
  'footnote.undefined',
  'footnote.unreferenced',
  // Question headings
  'question.itud',
  'question.numberMissing',
  'question.titleMissing',
  // Relationships
  'relationships.valueOutOfRange',
  // Sections
  'section.duplicate',
  'section.duplicateItem',
  'section.empty',
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
  // Work-programme links
  'workProgramme.missing',
  'workProgramme.question',
  // Writing
  'output.staleTemp',
  'output.xmlChar',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];
