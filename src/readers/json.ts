/**
 * Reads tsag's own JSON (as written by src/writers/json.ts) back into the model.
 *
 * Keeps: everything, metadata included, as written: this is a rendition of a model, so JSON →
 * model → JSON is the identity. Refuses (InputError): bytes that are not UTF-8 JSON, and JSON
 * that does not match the published schema (the message gives the JSON path).
 */
import type { QuestionsDocument } from '../model/document.js';
import { InputError, type Read } from '../model/result.js';
import { schemaError } from '../model/schema.js';

export function readJson(bytes: Uint8Array, file: string): Read<QuestionsDocument> {
  let value: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, '', `not a JSON file: ${(error as Error).message}`);
  }
  const problem = schemaError(value);
  if (problem) throw new InputError(file, '', `not a tsag Questions JSON: ${problem}`);
  return { value: value as QuestionsDocument, warnings: [] };
}
