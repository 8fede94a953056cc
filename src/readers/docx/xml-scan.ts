/**
 * A linear, non-recursive pass over one XML part before any XML parser sees it. It decides
 * limits and well-formedness only, never content: what a part says is read by the parser
 * (./dom.ts, and mammoth's). It stays a scan because it must run before a parser does: xmldom
 * builds its whole tree (memory) and mammoth recurses per element (stack), so the bounds are
 * checked first. It refuses what would hurt the parser or what the parser would report badly:
 * - a DTD (`<!DOCTYPE`, `<!ENTITY`): the door to entity expansion (billion laughs) and XXE;
 * - nesting deeper than a limit: mammoth reads elements recursively and overflows the stack;
 * - plain ill-formedness (mismatched or unclosed tags, a stray `&`, an undefined entity),
 *   so that the error names the part and the line instead of xmldom's "Hierarchy request error".
 * It is a well-formedness screen, not a parser: it builds nothing and keeps only the stack of
 * open tag names (at most `maxDepth` of them).
 */

export type XmlProblem = { kind: 'dtd'; line: number } | { kind: 'depth'; depth: number } | { kind: 'malformed'; line: number; reason: string };

const PREDEFINED_ENTITY = /&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/y;

/** `&#x41;` or `&#65;` → 65. Past 2^53 the value is still far out of range, which is all that matters. */
function codePointOf(reference: string): number {
  return reference[2] === 'x' ? parseInt(reference.slice(3, -1), 16) : parseInt(reference.slice(2, -1), 10);
}

/**
 * XML 1.0's Char production (section 2.2): a character reference to anything else (`&#1114112;`,
 * a surrogate, NUL) is not well-formed, and no parser can give it a meaning; xmldom turns it
 * into lone surrogates, `String.fromCodePoint` throws.
 */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

class Malformed extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Checks that every `&` in text[from, to) starts a predefined or numeric character reference.
 * `next` remembers where the next `&` is, so that the whole scan stays linear.
 */
class References {
  private next = -1;

  constructor(private readonly text: string) {}

  check(from: number, to: number): void {
    const { text } = this;
    if (this.next < from && this.next !== Infinity) {
      const found = text.indexOf('&', from);
      this.next = found === -1 ? Infinity : found;
    }
    while (this.next < to) {
      const at = this.next;
      PREDEFINED_ENTITY.lastIndex = at;
      const reference = PREDEFINED_ENTITY.exec(text)?.[0];
      if (reference === undefined) {
        const name = /^&([A-Za-z_][\w.-]*);/.exec(text.slice(at, at + 64))?.[1];
        throw new Malformed(at, name ? `undefined entity &${name};` : "a stray '&'");
      }
      if (reference[1] === '#' && !isXmlChar(codePointOf(reference))) {
        throw new Malformed(at, `${reference.length > 16 ? `${reference.slice(0, 16)}…` : reference} is not a character XML allows`);
      }
      const found = text.indexOf('&', at + 1);
      this.next = found === -1 ? Infinity : found;
    }
  }
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}

/** The end of a markup construct that starts at `at` with `open` and ends with `close`. */
function skipTo(text: string, at: number, close: string, what: string): number {
  const end = text.indexOf(close, at);
  if (end === -1) throw new Malformed(at, `unterminated ${what}`);
  return end + close.length;
}

/** Returns undefined when the part passes, else the first problem found. */
export function scanXml(text: string, maxDepth: number): XmlProblem | undefined {
  const open: string[] = [];
  let depth = 0;
  let deepest = 0;
  let roots = 0;
  let at = 0;
  const references = new References(text);
  try {
    for (;;) {
      const lt = text.indexOf('<', at);
      const textEnd = lt === -1 ? text.length : lt;
      if (depth === 0) {
        if (text.slice(at, textEnd).trim() !== '') throw new Malformed(at, 'text outside the root element');
      } else references.check(at, textEnd);
      if (lt === -1) break;
      const next = text[lt + 1];
      if (next === '?') {
        at = skipTo(text, lt + 2, '?>', 'processing instruction');
      } else if (next === '!') {
        if (text.startsWith('<!--', lt)) at = skipTo(text, lt + 4, '-->', 'comment');
        else if (text.startsWith('<![CDATA[', lt)) {
          if (depth === 0) throw new Malformed(lt, 'CDATA outside the root element');
          at = skipTo(text, lt + 9, ']]>', 'CDATA section');
        } else if (text.startsWith('<!DOCTYPE', lt) || text.startsWith('<!ENTITY', lt)) {
          return { kind: 'dtd', line: lineAt(text, lt) };
        } else throw new Malformed(lt, 'unknown markup declaration');
      } else if (next === '/') {
        const gt = text.indexOf('>', lt);
        if (gt === -1) throw new Malformed(lt, 'unterminated end tag');
        const name = text.slice(lt + 2, gt).trimEnd();
        if (depth === 0) throw new Malformed(lt, `</${name}> closes nothing`);
        if (depth <= maxDepth) {
          const expected = open.pop();
          if (expected !== name) throw new Malformed(lt, `</${name}> closes <${expected}>`);
        }
        depth--;
        at = gt + 1;
      } else {
        let end = lt + 1;
        while (end < text.length && !isSpace(text[end]) && text[end] !== '>' && text[end] !== '/') end++;
        const name = text.slice(lt + 1, end);
        if (name === '') throw new Malformed(lt, "a stray '<'");
        let quote = '';
        for (; end < text.length; end++) {
          const ch = text[end];
          if (quote) {
            if (ch === quote) quote = '';
            else if (ch === '&') references.check(end, end + 1);
            else if (ch === '<') throw new Malformed(end, `'<' in an attribute of <${name}>`);
          } else if (ch === '"' || ch === "'") quote = ch;
          else if (ch === '>') break;
          else if (ch === '<') throw new Malformed(end, `unterminated start tag <${name}>`);
        }
        if (end >= text.length) throw new Malformed(lt, `unterminated start tag <${name}>`);
        if (depth === 0 && ++roots > 1) throw new Malformed(lt, `a second root element <${name}>`);
        if (text[end - 1] !== '/') {
          depth++;
          if (depth <= maxDepth) open.push(name);
          if (depth > deepest) deepest = depth;
        }
        at = end + 1;
      }
    }
    if (deepest > maxDepth) return { kind: 'depth', depth: deepest };
    if (depth > 0) throw new Malformed(text.length, `<${open[open.length - 1] ?? '?'}> is never closed`);
    if (roots === 0) throw new Malformed(0, 'no root element');
    return undefined;
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    if (deepest > maxDepth) return { kind: 'depth', depth: deepest };
    return { kind: 'malformed', line: lineAt(text, error.offset), reason: error.reason };
  }
}

/**
 * A decoded part, or why it cannot be decoded. Decoding comes before any parser (which reads
 * text): the byte-order mark and the declaration's `encoding` are read from the first 200
 * bytes, and `asUtf8` rewrites only that declaration. Neither looks at an element.
 */
export type DecodedXml = { text: string; encoding: string } | { error: string };

/** `encoding="…"` of an XML declaration read as ASCII: only the first 200 bytes, so no pattern here runs long. */
const DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/u;

/**
 * Decodes an XML part: a byte-order mark says UTF-16 (ECMA-376 Part 2, 8.1.1; XML 1.0, F.1);
 * otherwise the XML declaration's `encoding` (`GB18030`, `windows-1252`, … whatever the WHATWG
 * decoder knows), UTF-8 when it names none or a UTF-8 mark starts the part. An encoding the decoder does not know is refused
 * rather than read as UTF-8 full of U+FFFD. `encoding` is the WHATWG name used (`utf-8`, `gb18030`).
 */
export function decodeXml(bytes: Uint8Array): DecodedXml {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const declared = DECLARED_ENCODING.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8');
  } catch {
    return { error: `the part declares encoding="${declared ?? ''}", which tsag cannot decode` };
  }
  // A declaration readable as ASCII cannot be in UTF-16: the bytes are in an ASCII-compatible encoding.
  if (decoder.encoding.startsWith('utf-16')) decoder = new TextDecoder('utf-8');
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

/**
 * What mammoth gets for a part it must read: UTF-8 (JSZip decodes every part as UTF-8), and an
 * XML declaration that says so. The bytes as they were when they were UTF-8 already.
 */
export function asUtf8(bytes: Uint8Array, decoded: { text: string; encoding: string }): Uint8Array {
  if (decoded.encoding === 'utf-8') return bytes;
  const text = decoded.text.replace(/^(\uFEFF?<\?xml\s[^>]{0,200}?\bencoding\s*=\s*)(["'])[^"']*\2/u, '$1$2UTF-8$2');
  return new TextEncoder().encode(text);
}
