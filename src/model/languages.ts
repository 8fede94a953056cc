/**
 * The language tables: `languages/<code>.ts` holds one table each, `languages/index.ts` the
 * registry and the lookups. This module keeps the import path every reader and writer uses.
 */
export * from './languages/index.js';
