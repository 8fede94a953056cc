/**
 * Semantic clean-up of a word diff, after diff-match-patch's `diff_cleanupSemantic` (Neil
 * Fraser, google/diff-match-patch, Apache-2.0): the shortest edit script is exact but not what
 * a reader would write. Chinese, Japanese and Korean are compared character by character
 * (./tokens.ts says why), so a rewritten phrase comes out shredded: `架构` → `体系结构` is
 * `[-架-]{+体系结+}构`, `增长迅速` → `增长很快速` is `[-迅-]{+很快+}速`.
 *
 * Why a port and not the library: diff-match-patch (and its ESM ports) clean up a diff of
 * strings, character by character. Ours is a diff of tokens: a Latin word or a code
 * (`Y.4100/Y.2066`) is one token and must stay whole, a whitespace run equals any other, and
 * the DOCX redline lays the runs back over each edition's tokens (./docx/segments.ts).
 * Measured with diff-match-patch-es 1.0.1 (`diff` then `diffCleanupSemantic`): `见Y.4100建议书` →
 * `见Y.4101建议书` gives `见Y.410[-0-]{+1+}建议书`, `ITU-T` → `ITU-D` gives `ITU-[-T-]{+D+}`, and
 * `的架构、` → `的体系结构、` stays `的[-架-]{+体系结+}构、`. So its two steps are ported here over
 * token runs, lengths in characters:
 *
 * 1. an equality no longer than the edits on both sides of it becomes part of them (the
 *    library's loop, with its backtracking, as written there);
 * 2. a deletion and an insertion that overlap by at least half of one of them give the overlap
 *    back as an equality.
 *
 * The library's lossless step (sliding a lone edit to a word boundary) is not ported: a Latin
 * edit is whole words already, and CJK has no boundary it can see. In its place, one rule of our
 * own for CJK: one character left alone between a CJK replacement and the edge of its phrase
 * (punctuation, whitespace, a Latin word, either end of the text) is the shared end of a
 * replaced word and joins the replacement: `的[-架-]{+体系结+}构、` becomes
 * `的[-架构-]{+体系结构+}、`. Two or more are a word of their own and stay (`增长[-迅速地-]{+很速快+}发展`).
 * Inside a longer phrase no edge is seen and the character diff stands: a word boundary there
 * needs a dictionary, and ICU builds disagree on theirs.
 */
import { append } from './arrays.js';
import type { DiffToken } from './tokens.js';

/** A run of the diff: its tokens in the old and in the new edition (an equal run has both). */
export interface TokenRun {
  op: 'equal' | 'delete' | 'insert';
  old: readonly DiffToken[];
  neu: readonly DiffToken[];
}

/** The runs after the clean-up; between two equalities, the deletions come before the insertions. */
export function cleanupSemantic(input: readonly TokenRun[]): TokenRun[] {
  let runs = input.map((run) => ({ ...run }));
  if (eliminateEqualities(runs)) runs = mergeRuns(runs);
  splitOverlaps(runs);
  absorbPhraseEdges(runs);
  return mergeRuns(runs);
}

const SIZES = new WeakMap<readonly DiffToken[], number>();

/** How long a run reads, in characters (code points); cached, since step 1 asks again after each elimination. */
function size(tokens: readonly DiffToken[]): number {
  let count = SIZES.get(tokens);
  if (count === undefined) {
    count = 0;
    for (const token of tokens) for (const _ of token.text) count++;
    SIZES.set(tokens, count);
  }
  return count;
}

/**
 * Overlaps are looked for only where the shorter side has at most this many tokens: the search
 * costs the square of it, and a longer replacement is one the edit search gave up on (./lcs.ts).
 */
const MAX_OVERLAP_TOKENS = 1000;

function shown(run: TokenRun): readonly DiffToken[] {
  return run.op === 'delete' ? run.old : run.neu;
}

/** Step 1, `diff_cleanupSemantic`'s first loop. True when an equality was eliminated. */
function eliminateEqualities(runs: TokenRun[]): boolean {
  const equalities: number[] = [];
  let last: TokenRun | undefined;
  let [inserted1, deleted1, inserted2, deleted2] = [0, 0, 0, 0];
  let changed = false;
  for (let pointer = 0; pointer < runs.length; pointer++) {
    const run = runs[pointer] as TokenRun;
    if (run.op === 'equal') {
      equalities.push(pointer);
      [inserted1, deleted1, inserted2, deleted2] = [inserted2, deleted2, 0, 0];
      last = run;
      continue;
    }
    if (run.op === 'insert') inserted2 += size(run.neu);
    else deleted2 += size(run.old);
    const length = last ? size(last.neu) : Number.POSITIVE_INFINITY;
    if (last && length <= Math.max(inserted1, deleted1) && length <= Math.max(inserted2, deleted2)) {
      const at = equalities.pop() as number;
      runs.splice(at, 1, { op: 'delete', old: last.old, neu: [] }, { op: 'insert', old: [], neu: last.neu });
      // The previous equality is looked at again, from scratch, as the library does.
      equalities.pop();
      pointer = equalities.length > 0 ? (equalities[equalities.length - 1] as number) : -1;
      [inserted1, deleted1, inserted2, deleted2] = [0, 0, 0, 0];
      last = undefined;
      changed = true;
    }
  }
  return changed;
}

/** Step 2, `diff_cleanupSemantic`'s overlap loop: `[-abcxxx-]{+xxxdef+}` → `[-abc-]xxx{+def+}`. */
function splitOverlaps(runs: TokenRun[]): void {
  for (let pointer = 1; pointer < runs.length; pointer++) {
    const deletion = runs[pointer - 1] as TokenRun;
    const insertion = runs[pointer] as TokenRun;
    if (deletion.op !== 'delete' || insertion.op !== 'insert') continue;
    if (Math.min(deletion.old.length, insertion.neu.length) > MAX_OVERLAP_TOKENS) continue;
    const forward = overlap(deletion.old, insertion.neu);
    const backward = overlap(insertion.neu, deletion.old);
    const half = (count: number, over: readonly DiffToken[], under: readonly DiffToken[]) =>
      count > 0 && (size(over.slice(over.length - count)) * 2 >= size(deletion.old) || size(under.slice(0, count)) * 2 >= size(insertion.neu));
    if (forward >= backward && half(forward, deletion.old, insertion.neu)) {
      const cut = deletion.old.length - forward;
      runs.splice(
        pointer - 1,
        2,
        { op: 'delete', old: deletion.old.slice(0, cut), neu: [] },
        { op: 'equal', old: deletion.old.slice(cut), neu: insertion.neu.slice(0, forward) },
        { op: 'insert', old: [], neu: insertion.neu.slice(forward) },
      );
      pointer++;
    } else if (backward > forward && half(backward, insertion.neu, deletion.old)) {
      const cut = insertion.neu.length - backward;
      runs.splice(
        pointer - 1,
        2,
        { op: 'insert', old: [], neu: insertion.neu.slice(0, cut) },
        { op: 'equal', old: deletion.old.slice(0, backward), neu: insertion.neu.slice(cut) },
        { op: 'delete', old: deletion.old.slice(backward), neu: [] },
      );
      pointer++;
    }
  }
}

/** The most tokens that end `a` and start `b` (compared by key). */
function overlap(a: readonly DiffToken[], b: readonly DiffToken[]): number {
  for (let count = Math.min(a.length, b.length); count > 0; count--) {
    let same = true;
    for (let k = 0; k < count && same; k++) same = a[a.length - count + k]?.key === b[k]?.key;
    if (same) return count;
  }
  return 0;
}

const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇]$/u;

function isCjk(token: DiffToken | undefined): boolean {
  return token?.kind === 'char' && CJK_CHAR.test(token.key);
}

/** Our CJK rule (see the header): one CJK character between a replacement and the edge of its phrase joins it. */
function absorbPhraseEdges(runs: TokenRun[]): void {
  for (let k = 0; k + 1 < runs.length; k++) {
    const [deletion, insertion] = [runs[k] as TokenRun, runs[k + 1] as TokenRun];
    if (deletion.op !== 'delete' || insertion.op !== 'insert' || deletion.old.length === 0 || insertion.neu.length === 0) continue;
    const after = runs[k + 2];
    if (after?.op === 'equal') {
      let count = 0;
      while (isCjk(after.neu[count])) count++;
      const edge = count === after.neu.length ? k + 3 >= runs.length : !isCjk(after.neu[count]);
      const joins = isCjk(deletion.old[deletion.old.length - 1]) && isCjk(insertion.neu[insertion.neu.length - 1]);
      if (count === 1 && edge && joins) {
        deletion.old = [...deletion.old, ...after.old.slice(0, count)];
        insertion.neu = [...insertion.neu, ...after.neu.slice(0, count)];
        after.old = after.old.slice(count);
        after.neu = after.neu.slice(count);
      }
    }
    const before = runs[k - 1];
    if (before?.op === 'equal') {
      let count = 0;
      while (isCjk(before.neu[before.neu.length - 1 - count])) count++;
      const edge = count === before.neu.length ? k - 1 === 0 : true;
      if (count === 1 && edge && isCjk(deletion.old[0]) && isCjk(insertion.neu[0])) {
        deletion.old = [...before.old.slice(before.old.length - count), ...deletion.old];
        insertion.neu = [...before.neu.slice(before.neu.length - count), ...insertion.neu];
        before.old = before.old.slice(0, before.old.length - count);
        before.neu = before.neu.slice(0, before.neu.length - count);
      }
    }
  }
}

/** Empty runs dropped, neighbours of one kind joined, each gap's deletions before its insertions. */
function mergeRuns(runs: TokenRun[]): TokenRun[] {
  const out: TokenRun[] = [];
  let deleted: DiffToken[] = [];
  let inserted: DiffToken[] = [];
  const flush = () => {
    if (deleted.length > 0) out.push({ op: 'delete', old: deleted, neu: [] });
    if (inserted.length > 0) out.push({ op: 'insert', old: [], neu: inserted });
    deleted = [];
    inserted = [];
  };
  for (const run of runs) {
    if (run.op === 'delete') append(deleted, run.old);
    else if (run.op === 'insert') append(inserted, run.neu);
    else if (shown(run).length > 0) {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') out[out.length - 1] = { op: 'equal', old: [...last.old, ...run.old], neu: [...last.neu, ...run.neu] };
      else out.push(run);
    }
  }
  flush();
  return out;
}
