import type { Element, Root } from 'hast';
import { HTML_META } from '../../model/html-meta.js';
import type { EndMatter } from '../assemble/lines.js';
import { baseName } from '../metadata.js';
import { parseFooter } from '../text/end-matter.js';
import { walkElements } from './notes.js';

/**
 * The end matter of a page: the page footer (`L:\008C.DOCX<TAB>27.01.21<TAB>25.11.19`) and the
 * header images, kept as metadata as the text and DOCX readers keep them, never as content.
 * - LibreOffice's HTML (`soffice --convert-to html`) writes Word's page header and footer as
 *   `<div title="header">` and `<div title="footer">`: their lines are the footer when one parses
 *   as one (tabs as written), their images by the `name` LibreOffice keeps (`image1.png`);
 * - tsag's own HTML carries them in `<meta name="tsag:footer">` and `<meta name="tsag:images">`.
 * `parts` are the header and footer elements, which the body's lines leave out.
 */
export interface PageParts {
  endMatter: EndMatter;
  parts: Element[];
}

export function pageParts(tree: Root): PageParts {
  const endMatter: EndMatter = { images: [] };
  const parts: Element[] = [];
  const addImage = (name: string) => {
    if (name !== '' && !endMatter.images.includes(name)) endMatter.images.push(name);
  };
  const addFooter = (line: string) => {
    const footer = endMatter.footer === undefined ? parseFooter(line) : undefined;
    if (footer) {
      endMatter.footer = footer;
      endMatter.documentReference = baseName(footer.path);
    }
  };
  walkElements(tree, (element) => {
    const { name, content, title } = element.properties;
    if (element.tagName === 'meta' && typeof content === 'string') {
      if (name === HTML_META.footer) addFooter(content);
      else if (name === HTML_META.images) for (const image of content.split('\t')) addImage(image);
    } else if (element.tagName === 'div' && (title === 'header' || title === 'footer')) {
      parts.push(element);
      for (const line of rawText(element).split('\n')) addFooter(line);
      walkElements(element, (inner) => {
        const image = inner.properties['name'];
        if (inner.tagName === 'img' && typeof image === 'string' && /^[\w.-]+\.(?:png|jpe?g|gif|emf|wmf|bmp|tiff?)$/iu.test(image)) addImage(image);
      });
    }
  });
  return { endMatter, parts };
}

/** The text of an element as written, white space and all. */
function rawText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? rawText(child) : '')).join('');
}
