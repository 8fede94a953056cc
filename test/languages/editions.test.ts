/**
 * Editions in every language table: `fixtures/lang-<code>/<code>.txt` (text extractions written
 * for these tests, with the noise of 008C.txt) and `fixtures/sg-many/sg-many.txt` (28 Questions,
 * letters A to AB). Each is read without a warning into the model shape of 008C, its outputs
 * are compared byte for byte with `expected.{json,md,txt}` beside it (`npm run golden:update`
 * rewrites them), and its DOCX renditions (ours, made here; LibreOffice's, committed as
 * `<code>-lo.docx`) read back into the same model.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/index.js';
import type { QuestionsDocument, SectionRole } from '../../src/model/document.js';
import { schemaError } from '../../src/model/schema.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writeJson } from '../../src/writers/json.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { writeText } from '../../src/writers/text.js';
import { fromRoot } from '../helpers/paths.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';

interface Edition {
  dir: string;
  source: string;
  language: string;
  questions: number;
  /** A DOCX written by LibreOffice from our DOCX, committed beside the text. */
  libreOffice?: string;
}

const EDITIONS: Edition[] = [
  ...(['en', 'fr', 'es', 'ru', 'ar'] as const).map((code) => ({
    dir: `fixtures/lang-${code}`,
    source: `${code}.txt`,
    language: code,
    questions: code === 'en' || code === 'fr' ? 3 : 2,
    libreOffice: `${code}-lo.docx`,
  })),
  { dir: 'fixtures/sg-many', source: 'sg-many.txt', language: 'en', questions: 28 },
];

const SECTION_ROLES: SectionRole[] = ['motivation', 'question', 'tasks', 'relationships'];

/** All but what says where the model was read from; our DOCX and LibreOffice's carry no image. */
function content(doc: QuestionsDocument) {
  const { source: _source, images: _images, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

for (const edition of EDITIONS) {
  const path = `${edition.dir}/${edition.source}`;
  const bytes = readFileSync(fromRoot(path));
  const read = readText(bytes, path);
  const model = read.value;
  const outputs = {
    'expected.json': writeJson(model),
    'expected.md': writeMarkdown(model),
    'expected.txt': writeText(model),
  };

  describe(`edition ${path}`, () => {
    it(`is read as ${edition.language}, without a warning`, () => {
      expect(read.warnings).toEqual([]);
      expect(model.metadata.language).toBe(edition.language);
      expect(model.questions).toHaveLength(edition.questions);
    });

    it('has the shape of 008C: four sections with their roles, typed relationships, Table 1, a footnote', () => {
      for (const question of model.questions) {
        expect(question.sections.map((section) => section.role)).toEqual(SECTION_ROLES);
        expect(question.sections.map((section) => section.number)).toEqual([1, 2, 3, 4].map((n) => `${question.letter}.${n}`));
        expect(question.continuation).toBeDefined();
        expect(question.workProgrammeUrl).toBe(`https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=${question.number}`);
        const groups = question.sections[3]!.blocks;
        expect(groups.every((block) => block.type === 'relationshipGroup' && block.role !== 'other')).toBe(true);
        expect(groups.some((block) => block.type === 'relationshipGroup' && block.values?.kind === 'recommendations')).toBe(true);
      }
      const table = model.frontMatter.blocks.find((block) => block.type === 'questionTable');
      expect(table?.type === 'questionTable' && table.rows.map((row) => row.newNumber)).toEqual(model.questions.map((q) => q.number));
      expect(table?.type === 'questionTable' && table.columns).toHaveLength(5);
      expect(model.metadata.footer?.dates).toHaveLength(2);
      if (edition.libreOffice) expect(model.footnotes).toHaveLength(1);
    });

    for (const [name, actual] of Object.entries(outputs)) {
      it(`${name} matches byte for byte`, () => {
        const golden = fromRoot(`${edition.dir}/${name}`);
        if (UPDATE || !existsSync(golden)) {
          mkdirSync(fromRoot(edition.dir), { recursive: true });
          writeFileSync(golden, actual);
          if (!UPDATE) throw new Error(`${golden} was missing and has been written: review it, then run again`);
        }
        expect(actual).toBe(readFileSync(golden, 'utf8'));
      });
    }

    it('validates against the schema, and its Markdown reads back into the same model', () => {
      expect(schemaError(JSON.parse(outputs['expected.json']))).toBeUndefined();
      expect(readMarkdown(outputs['expected.md'], 'expected.md').value).toEqual(model);
    });

    it('its clean text reads back into the same Questions, sections and relationship groups', () => {
      // The clean text writes a footnote as `[1]` and `[1] text`, which no extraction does: a
      // paragraph when read back, so only the Questions, sections and groups are compared.
      const shape = (doc: QuestionsDocument) =>
        doc.questions.map((q) => [
          q.letter,
          q.number,
          q.title,
          q.continuation,
          q.sections.map((s) => [s.number, s.role, s.blocks.flatMap((b) => (b.type === 'relationshipGroup' ? [[b.role, b.values]] : []))]),
        ]);
      const again = readText(Buffer.from(outputs['expected.txt']), path);
      expect(again.warnings).toEqual([]);
      expect(again.value.metadata.language).toBe(edition.language);
      expect(shape(again.value)).toEqual(shape(model));
    });

    it('our DOCX reads back into the same model, without a warning', async () => {
      const docx = await readDocx(await writeDocx(model), 'edition.docx');
      expect(docx.warnings).toEqual([]);
      expect(content(docx.value)).toEqual(content(model));
    });

    if (edition.libreOffice) {
      const file = `${edition.dir}/${edition.libreOffice}`;
      it(`${edition.libreOffice}, written by LibreOffice, reads into the same model, without a warning`, async () => {
        const docx = await readDocx(readFileSync(fromRoot(file)), file);
        expect(docx.warnings).toEqual([]);
        expect(content(docx.value)).toEqual(content(model));
      });
    }

    it('passes the checks', () => {
      expect(checkDocument(model)).toEqual([]);
    });
  });
}
