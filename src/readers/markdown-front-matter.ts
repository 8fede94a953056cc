/**
 * The front matter of tsag's Markdown: one `key: <JSON>` line per metadata field (JSON is
 * valid YAML; plain YAML scalars are taken as strings). Split from ./markdown.ts.
 */
import type * as Md from 'mdast';
import type { Footer, SourceFormat, SourceInfo } from '../model/document.js';
import { warning, type Warning } from '../model/result.js';

export interface FrontMatter {
  language?: string;
  source?: SourceInfo;
  documentReference?: string;
  footer?: Footer;
  images?: string[];
}

const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'docx', 'markdown', 'json'];
const LINE_ENDINGS: readonly string[] = ['lf', 'crlf', 'cr', 'mixed', 'none'];

export function readFrontMatter(yaml: Md.Yaml, file: string, warnings: Warning[]): FrontMatter {
  const front: FrontMatter = {};
  const firstLine = (yaml.position?.start.line ?? 1) + 1;
  yaml.value.split(/\r?\n/u).forEach((raw, index) => {
    const warn = (message: string): void => {
      warnings.push(warning('markdown.frontMatter', { file, line: firstLine + index }, message));
    };
    if (/^\s*(?:#.*)?$/u.test(raw)) return;
    // `s`: a value may hold U+2028 or U+2029, which JSON.stringify leaves as they are.
    const field = /^(?<key>[A-Za-z][\w-]*)\s*:\s*(?<value>.*)$/su.exec(raw)?.groups;
    if (!field) return warn(`not a "key: value" line, ignored: ${raw}`);
    const key = field['key'] ?? '';
    const value = yamlValue(field['value'] ?? '');
    const invalid = () => warn(`"${key}" has an unexpected value, ignored: ${field['value']}`);
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
      case 'footer': {
        const footer = asFooter(value);
        if (footer) front.footer = footer;
        else invalid();
        return;
      }
      case 'source': {
        const source = asSource(value);
        if (source) front.source = source;
        else invalid();
        return;
      }
      default:
        warn(`unknown front matter key "${key}", ignored`);
    }
  });
  return front;
}

function yamlValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw.trim();
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
