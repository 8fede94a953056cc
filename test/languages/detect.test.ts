/**
 * Which language table reads a text: the one that finds the most Question headings, and on a
 * tie (English and French both write `Question 1/20 – …`) the one that recognises the most
 * section headings, group labels, lead-ins and captions. `--lang` (`language`) forces a table.
 * And the English and French tables read the small variations real editions have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { InputError } from '../../src/model/result.js';
import { assemble } from '../../src/readers/assemble/index.js';
import { readDocx } from '../../src/readers/docx/index.js';
import type { SourceLines } from '../../src/readers/assemble/lines.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { fromRoot } from '../helpers/paths.js';

const source = (code: string) => readFileSync(fromRoot(`fixtures/lang-${code}/${code}.txt`), 'utf8');
const read = (text: string, language?: string) => readText(Buffer.from(text), 't.txt', language ? { language } : {});

function lines(texts: readonly string[]): SourceLines {
  return {
    lines: texts.map((text, index) => ({ content: [{ type: 'text', value: text }], where: { file: 't.txt', line: index + 1 } })),
    footnotes: [],
    endMatter: { images: [] },
  };
}

/** What the acceptance looks at: the language, every section's role, every group's role. */
function roles(doc: QuestionsDocument) {
  return {
    language: doc.metadata.language,
    questions: doc.questions.map((q) => ({
      number: q.number,
      sections: q.sections.map((s) => s.role),
      groups: q.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'relationshipGroup' ? [b.role] : []))),
    })),
  };
}

describe('detecting the language', () => {
  it('tells English from French, whose Question headings read alike', () => {
    expect(read(source('en')).value.metadata.language).toBe('en');
    expect(read(source('fr')).value.metadata.language).toBe('fr');
    for (const code of ['es', 'ru', 'ar']) expect(read(source(code)).value.metadata.language).toBe(code);
  });

  it('by the section headings alone', () => {
    const question = (sections: string[]) => ['A\tQuestion 1/20 – Titre', ...sections.map((s, i) => `A.${i + 1}\t${s}`)];
    expect(assemble(lines(question(['Motivation', 'Question', 'Tâches', 'Relations'])), { file: 't' }).value.language).toBe('fr');
    expect(assemble(lines(question(['Motivation', 'Question', 'Tasks', 'Relationships'])), { file: 't' }).value.language).toBe('en');
    // Nothing but the heading: English, the first of the two in LANGUAGES.
    expect(assemble(lines(['A\tQuestion 1/20 – Title']), { file: 't' }).value.language).toBe('en');
  });

  it('by the relationship labels and lead-ins when the sections say nothing', () => {
    const fr = [
      'A\tQuestion 1/20 – Titre',
      'A.1\tQuestion',
      'Les sujets à étudier sont notamment les suivants:',
      'A.2\tQuestion',
      'Recommandations:',
      '–\tX.1',
    ];
    expect(assemble(lines(fr), { file: 't' }).value.language).toBe('fr');
    const en = ['A\tQuestion 1/20 – Title', 'A.1\tQuestion', 'Tasks include, but are not limited to:', 'A.2\tQuestion', 'Recommendations:', '–\tX.1'];
    expect(assemble(lines(en), { file: 't' }).value.language).toBe('en');
  });

  it('a language with more Question headings wins over more evidence', () => {
    const text = ['A\tQuestion 1/20 – Titre', 'A.1\tTâches', 'A.2\tRelations', 'B\tQuestion 2/20 – Titre'];
    expect(assemble(lines(text), { file: 't' }).value.language).toBe('fr');
  });

  it('in Markdown without front matter, as in the text', () => {
    for (const code of ['en', 'fr', 'es', 'ru', 'ar']) {
      const markdown = writeMarkdown(read(source(code)).value).replace(/^---\n[\s\S]*?\n---\n/u, '');
      expect(readMarkdown(markdown, 'x.md').value.metadata.language).toBe(code);
    }
  });
});

describe('forcing the language (--lang)', () => {
  it('reads with the forced table, even against the evidence', () => {
    const forced = read(source('fr'), 'en');
    expect(forced.value.metadata.language).toBe('en');
    expect(forced.warnings.map((w) => w.code)).toContain('structure.unknownSection');
    expect(read(source('en'), 'en').warnings).toEqual([]);
  });

  it('refuses a text in another language with the forced table’s hint', () => {
    expect(() => read(source('en'), 'zh')).toThrow(InputError);
    expect(() => read(source('en'), 'zh')).toThrow('not a Questions text: no heading of the form 第N/NN号课题');
    expect(() => read(source('ru'), 'es')).toThrow('no heading of the form Cuestión N/NN');
  });
});

/** Small variations of the English and French editions that must read the same, without a warning. */
const VARIANTS: Record<string, [string, (text: string) => string][]> = {
  en: [
    ['upper-case headings and labels', (t) => t.replace(/\tMotivation$/gmu, '\tMOTIVATION').replace(/^Study Groups:$/gmu, 'STUDY GROUPS:')],
    ['lower-case labels', (t) => t.replace(/^WSIS Action Lines:$/gmu, 'WSIS action lines:').replace(/^Other bodies:$/gmu, 'Other Bodies:')],
    [
      'spaces before colons and inside labels',
      (t) =>
        t.replace(/^Recommendations:$/gmu, 'Recommendations :').replace(/^Sustainable Development Goals:$/gmu, 'Sustainable  Development Goals:'),
    ],
    ['an em dash or a hyphen in headings', (t) => t.replace(/(Question 1\/22) – /u, '$1 — ').replace(/(Question 2\/22) – /u, '$1 - ')],
    ['a no-break space in a heading', (t) => t.replace('Question 3/22 – ', 'Question\u00a03/22\u00a0– ')],
    ['"Study items" for "Question"', (t) => t.replace(/([A-C]\.2)\tQuestion$/gmu, '$1\tStudy items')],
    ['trailing spaces on headings and labels', (t) => t.replace(/([A-C]\.3\tTasks)$/gmu, '$1  ').replace(/^(Questions:)$/gmu, '$1 ')],
    ['CRLF line endings', (t) => t.replace(/\n/gu, '\r\n')],
  ],
  fr: [
    ['"Motivation" for "Motif"', (t) => t.replace(/\tMotif$/gmu, '\tMotivation')],
    ['a narrow no-break space before colons', (t) => t.replace(/^(Questions|Autres organismes):$/gmu, '$1\u202f:')],
    ['typographic apostrophes', (t) => t.replace(/^Commissions d'études:$/gmu, 'Commissions d’études:')],
    ['upper-case section headings', (t) => t.replace(/\tTâches$/gmu, '\tTÂCHES').replace(/\tRelations$/gmu, '\tRELATIONS')],
    ['an em dash in headings', (t) => t.replace(/(Question \d\/22) – /gu, '$1 — ')],
  ],
};

describe.each(Object.keys(VARIANTS))('variants of the %s edition', (code) => {
  const base = read(source(code));

  it.each(VARIANTS[code]!)('%s: the same roles, no warning', (_name, vary) => {
    const text = vary(source(code));
    expect(text).not.toBe(source(code));
    const variant = read(text);
    expect(variant.warnings).toEqual([]);
    expect(roles(variant.value)).toEqual(roles(base.value));
  });

  it('all variants at once, as text and as DOCX', async () => {
    const text = VARIANTS[code]!.reduce((t, [, vary]) => vary(t), source(code));
    const variant = read(text);
    expect(variant.warnings).toEqual([]);
    expect(roles(variant.value)).toEqual(roles(base.value));
    const docx = await readDocx(await writeDocx(variant.value), 'variant.docx');
    expect(docx.warnings).toEqual([]);
    expect(roles(docx.value)).toEqual(roles(base.value));
  });
});
