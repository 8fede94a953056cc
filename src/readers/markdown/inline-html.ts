/**
 * Inline HTML in Markdown written by other tools: pandoc's GFM of a right-to-left Word text
 * wraps each run in `<span dir="rtl">…</span>`, and hand-written Markdown holds `<br>`, `<sup>`
 * or comments. A tag is markup, not text: the tags are removed from the tree before it is read,
 * and what they wrap (text nodes of their own) stays where it was, the texts on either side of a
 * tag joined into one, so that a paragraph that
 * starts with a list marker inside a span is still a marked list item. tsag's own writer escapes
 * every `<` of the text, so its Markdown holds no inline HTML.
 */
import type * as Md from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

export interface RemovedHtml {
  count: number;
  /** The line of the first tag removed. */
  line?: number;
}

/** Removes the inline HTML nodes (those inside paragraphs, headings, cells…) in place; block HTML stays. */
export function removeInlineHtml(root: Md.Root): RemovedHtml {
  const removed: RemovedHtml = { count: 0 };
  visit(root, 'html', (node, index, parent) => {
    if (!parent || parent.type === 'root' || index === undefined) return undefined;
    if (removed.count++ === 0 && node.position) removed.line = node.position.start.line;
    parent.children.splice(index, 1);
    // The texts on either side become one (`<span>–</span> C2` is the text `– C2`).
    const before = parent.children[index - 1];
    const after = parent.children[index];
    if (before?.type === 'text' && after?.type === 'text') {
      before.value += after.value;
      if (before.position && after.position) before.position.end = after.position.end;
      parent.children.splice(index, 1);
    }
    return [SKIP, index];
  });
  return removed;
}
