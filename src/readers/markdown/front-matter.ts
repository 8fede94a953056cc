/**
 * The front matter of tsag's Markdown, read as YAML (the `yaml` package, YAML 1.2 core schema).
 * tsag writes one `key: <JSON>` line per metadata field (JSON is YAML); any other YAML form of
 * the same keys reads the same: plain or single-quoted scalars, comments, block lists and
 * mappings, flow collections, anchors and aliases. Split from ./index.ts.
 *
 * Kept safe: no tag beyond the core schema's is resolved (`!!binary`, `!!set`, custom tags give
 * a warning and the value is ignored), aliases expand to at most `MAX_ALIASES` nodes, and the
 * front matter is bounded by the Markdown size limit. A YAML error, an unknown key or a value of
 * the wrong shape is a `markdown.frontMatter` warning with its line; the rest is still read.
 */
import type * as Md from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Footer, SourceFormat, SourceInfo } from '../../model/document.js';
import { warning, type Warning } from '../../model/result.js';

export interface FrontMatter {
  language?: string;
  source?: SourceInfo;
  documentReference?: string;
  footer?: Footer;
  images?: string[];
}

const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'docx', 'markdown', 'json', 'html'];
const LINE_ENDINGS: readonly string[] = ['lf', 'crlf', 'cr', 'mixed', 'none'];

/** Nodes an alias may expand to (yaml's `maxAliasCount`); tsag's keys need none. */
const MAX_ALIASES = 100;

/** A key that is not ours, or a value of the wrong shape: the warning's message. */
class Unusable extends Error {}

export function readFrontMatter(yaml: Md.Yaml, file: string, warnings: Warning[]): FrontMatter {
  const front: FrontMatter = {};
  const firstLine = (yaml.position?.start.line ?? 1) + 1;
  const lines = new LineCounter();
  const found: Warning[] = [];
  const warn = (line: number, message: string): void => {
    found.push(warning('markdown.frontMatter', { file, line }, message));
  };
  readYaml(yaml.value, firstLine, lines, warn, front);
  // In line order, whatever found them (the parser's errors first, then the keys).
  found.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0));
  for (const item of found) warnings.push(item);
  return front;
}

function readYaml(text: string, firstLine: number, lines: LineCounter, warn: (line: number, message: string) => void, front: FrontMatter): void {
  const lineOf = (offset: number | undefined): number => firstLine + lines.linePos(offset ?? 0).line - 1;
  let document: Document.Parsed;
  try {
    // A key given twice is not an error: the last one counts, as in JSON.parse. `logLevel`:
    // yaml would print its warnings on the console; they are warnings of the result here.
    document = parseDocument(text, {
      lineCounter: lines,
      schema: 'core',
      resolveKnownTags: false,
      prettyErrors: false,
      uniqueKeys: false,
      logLevel: 'silent',
    });
  } catch (error) {
    // yaml reports its errors (nesting too deep included) in `errors`; this is a last guard.
    warn(firstLine, `not YAML tsag can read, ignored: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const problemLines = new Set<number>();
  for (const problem of [...document.errors, ...document.warnings]) {
    const line = lineOf(problem.pos[0]);
    if (problemLines.has(line)) continue;
    problemLines.add(line);
    warn(line, `YAML ${problem.code}, ignored: ${problem.message.split('\n')[0] ?? ''}`);
  }
  const contents = document.contents;
  if (contents === null) return;
  if (!isMap(contents)) {
    warn(lineOf(contents.range[0]), 'the front matter is not a mapping of keys to values, ignored');
    return;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const line = lineOf(keyNode?.range?.[0]);
    // A line with a YAML error (a line that is no `key: value`, an unknown tag) was warned about.
    if (problemLines.has(line)) continue;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    let value: unknown;
    try {
      value = pair.value === null ? null : (pair.value as YamlNode).toJS(document, { maxAliasCount: MAX_ALIASES });
    } catch (error) {
      warn(line, `"${key}" cannot be read, ignored: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (hasUnresolvedTag(pair.value as YamlNode | null)) continue;
    try {
      readField(front, key, value);
    } catch (error) {
      if (!(error instanceof Unusable)) throw error;
      warn(line, error.message);
    }
  }
}

/** A node (or one inside it) whose tag is not the core schema's: its warning was given, its value is not read. */
function hasUnresolvedTag(node: YamlNode | null): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) return true;
  const items = (node as { items?: unknown[] }).items;
  if (!Array.isArray(items)) return false;
  return items.some((item) => {
    if (item !== null && typeof item === 'object' && 'key' in item) {
      const pair = item as { key: YamlNode | null; value: YamlNode | null };
      return hasUnresolvedTag(pair.key) || hasUnresolvedTag(pair.value);
    }
    return hasUnresolvedTag(item as YamlNode | null);
  });
}

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

function readField(front: FrontMatter, key: string, value: unknown): void {
  const invalid = (): never => {
    throw new Unusable(`"${key}" has an unexpected value, ignored: ${JSON.stringify(value) ?? String(value)}`);
  };
  switch (key) {
    case 'language':
    case 'documentReference':
      if (typeof value === 'string') front[key] = value;
      else invalid();
      return;
    case 'images':
      if (isStringArray(value)) front.images = value;
      else invalid();
      return;
    case 'footer':
      front.footer = asFooter(value) ?? invalid();
      return;
    case 'source':
      front.source = asSource(value) ?? invalid();
      return;
    default:
      throw new Unusable(`unknown front matter key "${key}", ignored`);
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asFooter(value: unknown): Footer | undefined {
  if (!isObject(value) || typeof value['path'] !== 'string' || !isStringArray(value['dates'])) return undefined;
  return { path: value['path'], dates: value['dates'] };
}

function asSource(value: unknown): SourceInfo | undefined {
  if (!isObject(value)) return undefined;
  const { fileName, format, sha256, encoding, lineEndings } = value;
  if (typeof fileName !== 'string' || typeof sha256 !== 'string') return undefined;
  if (!SOURCE_FORMATS.includes(format as SourceFormat)) return undefined;
  if (encoding !== undefined && typeof encoding !== 'string') return undefined;
  if (lineEndings !== undefined && !LINE_ENDINGS.includes(lineEndings as string)) return undefined;
  return {
    fileName,
    format: format as SourceFormat,
    sha256,
    ...(encoding !== undefined && { encoding }),
    ...(lineEndings !== undefined && { lineEndings: lineEndings as SourceInfo['lineEndings'] }),
  };
}

// ---------------------------------------------------------------------------------------------
// Body: headings cut the document into runs of blocks; each run goes where its heading says.
