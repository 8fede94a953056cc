/** Line breaking as an editor or pandoc re-wraps a text: at spaces, and between two CJK characters (Markdown and text tests). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Where `text` may break at or before `width`: the break and how many characters it drops. */
function lastBreak(text: string, width: number): { at: number; skip: number } | undefined {
  for (let at = Math.min(width, text.length - 1); at > 0; at--) {
    if (text[at] === ' ') return { at, skip: 1 };
    if (CJK.test(text[at - 1] ?? '') && CJK.test(text[at] ?? '')) return { at, skip: 0 };
  }
  return undefined;
}

/** `text` as lines of `width` characters at most where it can break; a longer word stays whole. */
export function wrapAt(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  for (let cut = lastBreak(rest, width); rest.length > width && cut; cut = lastBreak(rest, width)) {
    lines.push(rest.slice(0, cut.at));
    rest = rest.slice(cut.at + cut.skip);
  }
  lines.push(rest);
  return lines;
}
