/**
 * The text of one redlined paragraph, cell or footnote as segments: equal, inserted or deleted
 * runs of text and footnote references, each taken from the edition it belongs to.
 *
 * A change's word operations carry display text (`[^1]` for a footnote reference); the
 * segments need the inline content itself. So the operations are laid over the tokens of the
 * two texts, as the diff tokenised them: equal and inserted runs over the new text's tokens,
 * deleted runs over the old text's, an equal token counting one token on each side. If they do
 * not fit (a change list that does not match the models given), the text is shown as deleted
 * whole then inserted whole, which is still exact.
 *
 * Exact, that is, up to what the diff counts as equal: an equal run is written as the new
 * edition has it, so a tab that was a space, or whitespace at the edges, is the new edition's.
 */
import type { Inline } from '../../model/document.js';
import { textContent } from '../../model/inline.js';
import { tokensOf, type Side } from '../context.js';
import { tokenizeInlines, type DiffToken } from '../tokens.js';
import { wordDiff, type WordOp } from '../words.js';

export type Op = 'equal' | 'insert' | 'delete';

/** A footnote reference keeps its edition, since each edition numbers its own notes. */
export type Piece = { kind: 'text'; value: string } | { kind: 'footnote'; side: 'old' | 'new'; id: string };

export interface Segment {
  op: Op;
  pieces: Piece[];
}

/** How each edition's text is tokenised: as the diff did (language, footnote keys). */
export interface Sides {
  old: Side;
  new: Side;
}

/** Content as it stands, all of it `op`: an added text inserted, a removed one deleted. */
export function whole(op: Op, content: readonly Inline[] | string, side: 'old' | 'new'): Segment[] {
  const pieces = toPieces(typeof content === 'string' ? textContent(content) : content, side);
  return pieces.length === 0 ? [] : [{ op, pieces }];
}

/**
 * The segments of a text in both editions. `words` are the change's word operations; without
 * them the texts are compared here with the diff's own word diff (for lines the change list
 * does not hold as such: a heading with its number, a label with its colon).
 */
export function textSegments(sides: Sides, old: readonly Inline[] | string, neu: readonly Inline[] | string, words?: readonly WordOp[]): Segment[] {
  const oldContent = typeof old === 'string' ? textContent(old) : old;
  const newContent = typeof neu === 'string' ? textContent(neu) : neu;
  const ops = words ?? wordDiff(tokensOf(sides.old, oldContent), tokensOf(sides.new, newContent));
  if (!ops) return whole('equal', newContent, 'new');
  const laid = layOver(ops, sideTokens(sides.old, oldContent), sideTokens(sides.new, newContent));
  return laid ?? [...whole('delete', oldContent, 'old'), ...whole('insert', newContent, 'new')];
}

/** Adjacent segments of one kind as one, adjacent texts as one: a line built in parts reads as one. */
export function joinSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (last && last.op === segment.op) last.pieces = joinPieces([...last.pieces, ...segment.pieces]);
    else if (segment.pieces.length > 0) out.push({ op: segment.op, pieces: joinPieces(segment.pieces) });
  }
  return out;
}

/** A token and the footnote it stands for, if it is a reference. */
interface SideToken {
  token: DiffToken;
  footnote?: string;
}

/** The tokens of a text split as the diff splits them; edge whitespace apart (`lead`, `trail`). */
interface SideTokens {
  lead: SideToken[];
  middle: SideToken[];
  trail: SideToken[];
}

function sideTokens(side: Side, content: readonly Inline[]): SideTokens {
  // tokenizeInlines works inline by inline, so tokenising each on its own gives the same tokens.
  const all = content.flatMap((inline) =>
    tokenizeInlines([inline], side.language, side.footnoteKey).map(
      (token): SideToken => (inline.type === 'footnoteReference' ? { token, footnote: inline.id } : { token }),
    ),
  );
  let start = 0;
  let end = all.length;
  while (start < end && all[start]?.token.kind === 'space') start++;
  while (end > start && all[end - 1]?.token.kind === 'space') end--;
  return { lead: all.slice(0, start), middle: all.slice(start, end), trail: all.slice(end) };
}

function layOver(ops: readonly WordOp[], old: SideTokens, neu: SideTokens): Segment[] | undefined {
  const out: Segment[] = [segment('equal', neu.lead, 'new')];
  let o = 0;
  let n = 0;
  for (const op of ops) {
    if (op.op === 'delete') {
      const end = consume(old.middle, o, op.text);
      if (end === undefined) return undefined;
      out.push(segment('delete', old.middle.slice(o, end), 'old'));
      o = end;
      continue;
    }
    const end = consume(neu.middle, n, op.text);
    if (end === undefined) return undefined;
    if (op.op === 'equal') {
      for (let k = n; k < end; k++) if (old.middle[o + k - n]?.token.key !== neu.middle[k]?.token.key) return undefined;
      o += end - n;
    }
    out.push(segment(op.op, neu.middle.slice(n, end), 'new'));
    n = end;
  }
  if (o !== old.middle.length || n !== neu.middle.length) return undefined;
  out.push(segment('equal', neu.trail, 'new'));
  return joinSegments(out);
}

/**
 * The index after the tokens that spell `text` from `from`, or undefined. A whitespace token
 * matches any whitespace run: the diff compares whitespace runs as equal, and an absorbed
 * one-space island (src/diff/words.ts) is spelt with the other edition's whitespace.
 */
function consume(tokens: readonly SideToken[], from: number, text: string): number | undefined {
  let at = 0;
  let index = from;
  while (at < text.length) {
    const token = tokens[index]?.token;
    if (!token) return undefined;
    if (token.kind === 'space') {
      const run = /^\s+/u.exec(text.slice(at));
      if (!run) return undefined;
      at += run[0].length;
    } else if (text.startsWith(token.text, at)) at += token.text.length;
    else return undefined;
    index++;
  }
  return index;
}

function segment(op: Op, tokens: readonly SideToken[], side: 'old' | 'new'): Segment {
  const pieces: Piece[] = tokens.map(({ token, footnote }) =>
    footnote === undefined ? { kind: 'text', value: token.text } : { kind: 'footnote', side, id: footnote },
  );
  return { op, pieces: joinPieces(pieces) };
}

function toPieces(content: readonly Inline[], side: 'old' | 'new'): Piece[] {
  return joinPieces(
    content.map((inline): Piece => (inline.type === 'text' ? { kind: 'text', value: inline.value } : { kind: 'footnote', side, id: inline.id })),
  );
}

function joinPieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (piece.kind === 'text' && piece.value === '') continue;
    if (piece.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', value: last.value + piece.value };
    else out.push(piece);
  }
  return out;
}
