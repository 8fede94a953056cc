/**
 * Markdown in any layout but tsag's own → the source lines that the text and DOCX readers give
 * `assemble()` (../assemble/lines.ts): one line per heading (its level as the hint), paragraph, list item
 * (its depth as the hint) and table cell (row and column as the hint), with the line it starts
 * on. The one classifier and assembler then read it as they read any text: a Question page
 * saved as Markdown (`## Question 12/12 – Title`, no letter), a Question with no section
 * headings, tsag's own Markdown of such a page. Paragraphs carry no hint: their text decides
 * (list markers typed as text, captions, relationship labels), as in a text extraction.
 *
 * Dropped with a `markdown.unexpected` warning: code, block HTML, rules and definitions, which
 * hold no text of the Questions. A block quote's blocks are read as if not quoted.
 */
import type * as Md from 'mdast';
import type { Footnote, Inline } from '../../model/document.js';
import { inlines, readFootnote, unexpected, type InlineContext } from './blocks.js';
import type { SourceLine, SourceLines } from '../assemble/lines.js';

export function markdownLines(root: Md.Root, ctx: InlineContext, skip?: Md.RootContent): SourceLines {
  const lines: SourceLine[] = [];
  const footnotes: Footnote[] = [];
  const add = (node: Md.Node, content: Inline[], hint?: SourceLine['hint']) => {
    if (content.length === 0) return;
    const line = node.position?.start.line;
    const where = { file: ctx.file, ...(line !== undefined && { line }) };
    lines.push(hint ? { content, hint, where } : { content, where });
  };
  // An explicit stack, not recursion: quotes and lists nest as deep as the input likes.
  const stack: { node: Md.Nodes; depth: number }[] = root.children.map((node) => ({ node, depth: 0 })).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, depth } = next;
    if (node === skip) continue;
    switch (node.type) {
      case 'yaml':
        break;
      case 'heading':
        add(node, inlines(node.children, ctx), { kind: 'heading', level: node.depth });
        break;
      case 'paragraph':
        add(node, inlines(node.children, ctx));
        break;
      case 'blockquote':
        pushAll(stack, node.children, 0);
        break;
      case 'list':
        pushAll(stack, node.children, depth + 1);
        break;
      case 'listItem':
        listItem(node, depth, stack, add, ctx);
        break;
      case 'table':
        table(node, add, ctx);
        break;
      case 'footnoteDefinition':
        footnotes.push(readFootnote(node, ctx));
        break;
      default:
        unexpected([node], ctx, 'it holds no text of the Questions');
    }
  }
  return { lines, footnotes, endMatter: { images: [] } };
}

type Add = (node: Md.Node, content: Inline[], hint?: SourceLine['hint']) => void;

function pushAll(stack: { node: Md.Nodes; depth: number }[], nodes: readonly Md.Nodes[], depth: number): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as Md.Nodes, depth });
}

/** The item's first paragraph is the item; its other paragraphs follow as paragraphs, its lists one level down. */
function listItem(node: Md.ListItem, depth: number, stack: { node: Md.Nodes; depth: number }[], add: Add, ctx: InlineContext): void {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph') add(first, inlines(first.children, ctx), { kind: 'listItem', level: depth });
  else if (first) rest.unshift(first);
  for (let i = rest.length - 1; i >= 0; i--) {
    const child = rest[i] as Md.Nodes;
    stack.push({ node: child, depth: child.type === 'list' ? depth : 0 });
  }
}

/** One line per cell, the first row the header (GFM tables always have one). */
function table(node: Md.Table, add: Add, ctx: InlineContext): void {
  node.children.forEach((row, r) => {
    row.children.forEach((cell, column) => {
      const content = inlines(cell.children, ctx);
      add(cell, content.length > 0 ? content : [{ type: 'text', value: '' }], { kind: 'tableCell', row: r, column, header: r === 0 });
    });
  });
}
