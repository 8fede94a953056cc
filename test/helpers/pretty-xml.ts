/**
 * XML laid out one element per line, indented by depth, for goldens a person can read and diff
 * (the DOCX goldens: STYLE.md, "DOCX goldens … compared part by part"). An element that holds
 * only text stays on one line (`<w:t xml:space="preserve">物联网</w:t>`). Text is kept as it is;
 * whitespace between tags is not (a DOCX part has none).
 */
export function prettyXml(xml: string): string {
  const tokens = xml.match(/<[^>]*>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const pad = '  '.repeat(depth);
    if (!token.startsWith('<')) {
      if (token.trim() !== '') lines.push(pad + token);
      continue;
    }
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<?') || token.startsWith('<!') || token.endsWith('/>')) {
      lines.push(pad + token);
    } else if (tokens[i + 2]?.startsWith('</') && !(tokens[i + 1] ?? '').startsWith('<')) {
      // <a>text</a> on one line
      lines.push(pad + token + (tokens[i + 1] ?? '') + (tokens[i + 2] ?? ''));
      i += 2;
    } else {
      lines.push(pad + token);
      depth++;
    }
  }
  return `${lines.join('\n')}\n`;
}
