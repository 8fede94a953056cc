/** Test inputs in the layout of pandoc's plain text. */

export /** A pandoc multiline table of `rows` generated rows, cells padded to their column, the long ones wrapped. */
function multiline(widths: readonly number[], rows: readonly (readonly string[][])[]): string[] {
  const line = (pieces: readonly string[]) =>
    pieces
      .map((p, k) => p.padEnd((widths[k] ?? 0) + 1))
      .join('')
      .trimEnd();
  const total = widths.reduce((sum, w) => sum + w + 1, 0) - 1;
  const out = ['-'.repeat(total)];
  rows.forEach((row, r) => {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let l = 0; l < height; l++) out.push(line(row.map((cell) => cell[l] ?? '')));
    if (r === 0) out.push(line(widths.map((w) => '-'.repeat(w))));
    else if (r < rows.length - 1) out.push('');
  });
  out.push('-'.repeat(total));
  return out;
}
