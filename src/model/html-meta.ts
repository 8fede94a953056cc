/**
 * The `<meta name>`s that carry the metadata of tsag's own HTML (its page footer and header
 * images, which the page does not show): written by src/writers/html/, read back by
 * src/readers/html/. Values are tab-separated, as the footer line of a text extraction.
 */
export const HTML_META = { footer: 'tsag:footer', images: 'tsag:images' } as const;

/**
 * The class tsag's HTML gives its paragraphs: their text is only text, so the reader takes no
 * list marker (`• …`) or heading number (`1<TAB>…`) from it, as it does in other HTML.
 */
export const HTML_TEXT_CLASS = 'tsag-text';
