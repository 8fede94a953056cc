import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type QuestionsDocument, type SourceInfo } from '../model/document.js';
import type { AssembledDocument } from './assemble/index.js';
import type { EndMatter } from './assemble/lines.js';

/** The file name of a path written with `/` or `\` (a Windows path in a footer, a CLI path). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The source fields every reader of a file fills the same way. */
export function sourceOf(file: string, format: SourceInfo['format'], bytes: Uint8Array): SourceInfo {
  return { fileName: baseName(file), format, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The assembled model with its metadata: the last step of the readers of messy formats. */
export function withMetadata(assembled: AssembledDocument, endMatter: EndMatter, source: SourceInfo): QuestionsDocument {
  const { language, frontMatter, questionsHeading, questions, footnotes } = assembled;
  const { footer, documentReference, images } = endMatter;
  return {
    schemaVersion: SCHEMA_VERSION,
    metadata: {
      language,
      source,
      ...(documentReference !== undefined ? { documentReference } : {}),
      ...(footer !== undefined ? { footer } : {}),
      images,
    },
    frontMatter,
    questionsHeading,
    questions,
    footnotes,
  };
}
