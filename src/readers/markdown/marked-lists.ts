/**
 * Lists that other tools write as paragraphs: pandoc's GFM of a Word file (and many a hand)
 * keeps the list markers the ITU text types (`–`, `•`) as literal text at the start of
 * paragraphs, since Word did not number them. A run of such paragraphs is a list, the marker's
 * place in the language table's `listMarkers` its level, as the text classifier reads it; the
 * Markdown reader then takes it as it takes any list (and as relationship items after a label).
 */
import type * as Md from 'mdast';
import type { LanguageTable } from '../../model/languages.js';
import { listMarkerAt } from '../assemble/classify.js';

/** The nodes with each run of marked paragraphs as one list (nested by marker level). */
export function listsFromMarkedParagraphs(nodes: readonly Md.RootContent[], table: LanguageTable): Md.RootContent[] {
  const out: Md.RootContent[] = [];
  let list: Md.List | undefined;
  for (const node of nodes) {
    const marked = node.type === 'paragraph' ? markedParagraph(node, table) : undefined;
    if (!marked) {
      list = undefined;
      out.push(node);
      continue;
    }
    if (!list) {
      list = { type: 'list', ordered: false, spread: false, children: [], ...(node.position && { position: node.position }) };
      out.push(list);
    }
    addAtLevel(list, marked.level, marked.item);
  }
  return out;
}

interface Marked {
  level: number;
  item: Md.ListItem;
}

/** `– text` → level 1 and an item of `text`; a marker must be followed by whitespace and text. */
function markedParagraph(node: Md.Paragraph, table: LanguageTable): Marked | undefined {
  const [first, ...rest] = node.children;
  if (first?.type !== 'text' || /^\s/u.test(first.value)) return undefined;
  const marker = listMarkerAt(first.value, table);
  if (!marker) return undefined;
  const text = first.value.slice(marker.length);
  const children: Md.PhrasingContent[] = text === '' ? rest : [{ ...first, value: text }, ...rest];
  const paragraph: Md.Paragraph = { ...node, children };
  const item: Md.ListItem = { type: 'listItem', spread: false, children: [paragraph], ...(node.position && { position: node.position }) };
  return { level: marker.level, item };
}

/** Level 1 items go in the list; deeper ones in a list inside the last item one level up. */
function addAtLevel(list: Md.List, level: number, item: Md.ListItem): void {
  let into = list;
  for (let depth = 1; depth < level; depth++) {
    const parent = into.children[into.children.length - 1];
    if (!parent) break;
    let sub = parent.children.find((child): child is Md.List => child.type === 'list');
    if (!sub) {
      sub = { type: 'list', ordered: false, spread: false, children: [] };
      parent.children.push(sub);
    }
    into = sub;
  }
  into.children.push(item);
}
