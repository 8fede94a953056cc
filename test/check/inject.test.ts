/**
 * Each kind of cross-Question inconsistency injected into the editions of the other languages
 * (fixtures/lang-<code>/<code>.txt, read once per language): the model is read, one relationship
 * item, label, heading or term is changed, and the finding must appear with its code, at the
 * changed place, naming the place of the other form.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, type Finding } from '../../src/check/index.js';
import type { Question, QuestionsDocument, RelationshipGroup, SectionRole } from '../../src/model/document.js';
import { labelKey, languageTable } from '../../src/model/languages.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';
import { para } from './consistent-model.js';

/** Names of bodies in each language, for acronyms: the Open Mobile Alliance, the OMG, the OGC. */
const NAMES: Record<string, [string, string, string]> = {
  en: ['Open Mobile Alliance', 'Object Management Group', 'Open Geospatial Consortium'],
  fr: ['Alliance mobile ouverte', 'Groupe de gestion des objets', 'Consortium géospatial ouvert'],
  es: ['Alianza Móvil Abierta', 'Grupo de Gestión de Objetos', 'Consorcio Geoespacial Abierto'],
  ru: ['Открытый мобильный альянс', 'Группа управления объектами', 'Открытый геопространственный консорциум'],
  ar: ['التحالف المفتوح للأجهزة المتنقلة', 'مجموعة إدارة الكائنات', 'الاتحاد الجغرافي المكاني المفتوح'],
};

const groups = (question: Question | undefined, role: string): RelationshipGroup[] =>
  (question?.sections.find((s) => s.role === 'relationships')?.blocks ?? []).filter(
    (b): b is RelationshipGroup => b.type === 'relationshipGroup' && b.role === role,
  );
const bodies = (doc: QuestionsDocument, q: number): string[] => {
  const group = groups(doc.questions[q], 'bodies')[0];
  if (!group) throw new Error(`no bodies group in Question ${q}`);
  return group.items;
};
const sectionOf = (doc: QuestionsDocument, q: number, role: SectionRole) => doc.questions[q]?.sections.find((s) => s.role === role);

/** The edition with one more Question (a copy of the last) where it has two, so that a majority exists. */
function threeQuestions(doc: QuestionsDocument): QuestionsDocument {
  const copy = structuredClone(doc);
  while (copy.questions.length < 3) {
    const last = structuredClone(copy.questions.at(-1) as Question);
    const letter = String.fromCharCode(last.letter.charCodeAt(0) + 1);
    for (const section of last.sections) section.number = section.number.replace(last.letter, letter);
    last.letter = letter;
    last.number = last.number.replace(/^\d+/u, (n) => String(Number(n) + 1));
    copy.questions.push(last);
  }
  return copy;
}

const of = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);
const placesOf = (f: Finding | undefined) => f?.forms?.map((form) => form.places.map((p) => p.section).join(' '));

for (const code of ['en', 'fr', 'es', 'ru', 'ar']) {
  describe(`injected into the ${code} edition`, () => {
    let edition: QuestionsDocument;
    beforeAll(() => {
      edition = readText(readFileSync(fromRoot(`fixtures/lang-${code}/${code}.txt`)), `${code}.txt`).value;
    });
    const table = languageTable(code);
    const [name, otherName, thirdName] = NAMES[code] as [string, string, string];

    it('as read, no finding', () => {
      expect(checkDocument(edition)).toEqual([]);
    });

    it('one body written two ways', () => {
      const doc = structuredClone(edition);
      const latin = bodies(doc, 0).find((item) => /[A-Z]{2}/u.test(item)) as string;
      bodies(doc, 1).push(latin.toLowerCase());
      const [found] = of(checkDocument(doc), 'relationships.spelling');
      expect(found?.where.section).toBe('B.4');
      expect(found?.forms?.map((f) => f.text)).toEqual([latin.toLowerCase(), latin]);
      expect(placesOf(found)).toEqual(['B.4', 'A.4']);
      expect(found?.suggestion).toBe(latin);
    });

    it('a typo of a code written more often', () => {
      const doc = structuredClone(edition);
      bodies(doc, 1).push('ETSI', 'ESTI');
      const found = of(checkDocument(doc), 'relationships.typo');
      expect(found.map((f) => [f.where.section, f.suggestion])).toEqual([['B.4', 'ETSI']]);
      expect(placesOf(found[0])).toEqual(['B.4', 'A.4 B.4']);
    });

    it('one name with two acronyms, one acronym with two names', () => {
      const doc = structuredClone(edition);
      bodies(doc, 0).push(`${name} (OMA)`, `${otherName} (OGC)`);
      bodies(doc, 1).push(`${name} (AII)`, `${thirdName} (OGC)`);
      const findings = checkDocument(doc);
      // Each form once: which is suggested (the two are as frequent) does not matter here.
      const sorted = (f: Finding) => placesOf(f)?.sort();
      expect(of(findings, 'relationships.acronyms').map(sorted)).toEqual([['A.4', 'B.4']]);
      expect(of(findings, 'relationships.names').map(sorted)).toEqual([['A.4', 'B.4']]);
    });

    it('a relationship label unlike the one the other Questions write', () => {
      const doc = threeQuestions(edition);
      const labels = Object.keys(table.relationshipRoles).filter((label) => table.relationshipRoles[label] === 'bodies');
      const [usual, other] = labels as [string, string];
      for (const question of doc.questions) for (const group of groups(question, 'bodies')) group.label = usual;
      for (const group of groups(doc.questions[1], 'bodies')) group.label = other;
      const found = of(checkDocument(doc), 'relationships.label');
      expect(found.map((f) => [f.where.section, f.suggestion])).toEqual([['B.4', usual]]);
      expect(placesOf(found[0])).toEqual(['B.4', 'A.4 C.4']);
    });

    it('a section heading unlike the others of its role', () => {
      const doc = threeQuestions(edition);
      const written = sectionOf(doc, 0, 'motivation')?.heading ?? '';
      const other = Object.keys(table.sectionRoles).find((h) => table.sectionRoles[h] === 'motivation' && labelKey(h) !== labelKey(written));
      const section = sectionOf(doc, 2, 'motivation');
      if (section && other) section.heading = other;
      const found = of(checkDocument(doc), 'section.heading');
      expect(found.map((f) => [f.where.section, f.suggestion])).toEqual([['C.1', written]]);
    });

    it('a term in the variant the language table knows', () => {
      const doc = threeQuestions(edition);
      const [usual, variant] = table.termVariants[0] as [string, string];
      for (let q = 0; q < 3; q++) sectionOf(doc, q, 'motivation')?.blocks.push(para(`${usual} ${usual}.`));
      sectionOf(doc, 1, 'tasks')?.blocks.push(para(`${variant}.`));
      const found = of(checkDocument(doc), 'term.variant');
      expect(found.map((f) => [f.where.section, f.forms?.[0]?.text, f.suggestion])).toEqual([['B.3', variant, usual]]);
    });
  });
}
