import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** The published JSON Schema (draft 2020-12), shipped in the package's `schema/` folder. */
export const SCHEMA_URL = new URL('../../schema/questions-document.schema.json', import.meta.url);

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return new Ajv2020({ allErrors: false, strict: true }).compile(schema);
}

/** Validates a value against the schema; the first error as `path: message`, or undefined. */
export function schemaError(value: unknown): string | undefined {
  validator ??= compile();
  if (validator(value)) return undefined;
  const first: ErrorObject | undefined = validator.errors?.[0];
  return first ? `${first.instancePath || '/'}: ${first.message ?? 'invalid'}` : 'invalid';
}
