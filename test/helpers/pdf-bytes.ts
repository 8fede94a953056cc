/**
 * Small PDFs written byte by byte for the PDF reader's tests: a header, numbered objects, a
 * cross-reference table with their offsets and a trailer, so that each hostile case is a few
 * lines here instead of a binary fixture.
 */

/** A PDF of the given objects (object n is `objects[n - 1]`); `trailer` adds to the trailer's /Root 1 0 R. */
export function pdfOf(objects: readonly string[], trailer = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, k) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${k + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A stream object of `content`. */
export function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** A one-page PDF whose page dictionary has `pageExtra` and whose content stream is `content`. */
export function onePage(content: string, pageExtra = '', pagesExtra = '/Count 1', trailer = ''): Uint8Array {
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [3 0 R] ${pagesExtra} >>`,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${pageExtra} >>`,
      stream(content),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ],
    trailer,
  );
}

/**
 * Ten million pages from a handful of objects: a catalog, seven page-tree nodes each naming the
 * next one ten times, then `leaf` (the page, as object 9, and whatever it refers to).
 */
export function pageBomb(leaf: readonly string[]): Uint8Array {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    ...Array.from(
      { length: 7 },
      (_, level) =>
        `<< /Type /Pages /Kids [${Array(10)
          .fill(`${level + 3} 0 R`)
          .join(' ')}] /Count ${10 ** (7 - level)} >>`,
    ),
    ...leaf,
  ]);
}
