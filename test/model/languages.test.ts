/**
 * The language tables: every table reads what it writes, knows the words ITU uses in its
 * published Questions texts, and sets Word up for its script. The lookups ignore case,
 * spacing, dash and apostrophe kinds.
 */
import { describe, expect, it } from 'vitest';
import type { RelationshipRole, SectionRole } from '../../src/model/document.js';
import { LANGUAGES, labelKey, languageTable, questionHeadingHints, relationshipRole, sectionRole } from '../../src/model/languages.js';
import { relationshipValues } from '../../src/model/relationship-values.js';

const CODES = ['zh', 'en', 'fr', 'es', 'ru', 'ar'];

/** The words of the issue, as ITU writes them, by language: four sections, seven groups. */
const SECTIONS: Record<string, [string, SectionRole][]> = {
  en: [
    ['Motivation', 'motivation'],
    ['Question', 'question'],
    ['Tasks', 'tasks'],
    ['Relationships', 'relationships'],
  ],
  fr: [
    ['Motif', 'motivation'],
    ['Question', 'question'],
    ['Tâches', 'tasks'],
    ['Relations', 'relationships'],
  ],
  es: [
    ['Motivo', 'motivation'],
    ['Cuestión', 'question'],
    ['Tareas', 'tasks'],
    ['Relaciones', 'relationships'],
  ],
  ru: [
    ['Мотивы', 'motivation'],
    ['Вопрос', 'question'],
    ['Задачи', 'tasks'],
    ['Связи', 'relationships'],
  ],
  ar: [
    ['الدافع', 'motivation'],
    ['المسألة', 'question'],
    ['المهام', 'tasks'],
    ['العلاقات', 'relationships'],
  ],
};

const ROLES: RelationshipRole[] = ['wsis', 'sdgs', 'recommendations', 'questions', 'studyGroups', 'bodies', 'bodies'];
const GROUPS: Record<string, string[]> = {
  en: [
    'WSIS Action Lines',
    'Sustainable Development Goals',
    'Recommendations',
    'Questions',
    'Study Groups',
    'Other bodies',
    'Standardization bodies',
  ],
  fr: [
    'Grandes orientations du SMSI',
    'Objectifs de développement durable',
    'Recommandations',
    'Questions',
    "Commissions d'études",
    'Autres organismes',
    'Organismes de normalisation',
  ],
  es: [
    'Líneas de acción de la CMSI',
    'Objetivos de Desarrollo Sostenible',
    'Recomendaciones',
    'Cuestiones',
    'Comisiones de Estudio',
    'Otros organismos',
    'Organismos de normalización',
  ],
  ru: [
    'Направления деятельности ВВУИО',
    'Цели в области устойчивого развития',
    'Рекомендации',
    'Вопросы',
    'Исследовательские комиссии',
    'Другие органы',
    'Органы по стандартизации',
  ],
  ar: ['خطوط عمل القمة العالمية لمجتمع المعلومات', 'أهداف التنمية المستدامة', 'التوصيات', 'المسائل', 'لجان الدراسات', 'هيئات أخرى', 'هيئات التقييس'],
};

describe('LANGUAGES', () => {
  it('holds the six ITU languages, each under its own code', () => {
    expect(Object.keys(LANGUAGES)).toEqual(CODES);
    for (const code of CODES) expect(languageTable(code).code).toBe(code);
    expect(() => languageTable('de')).toThrow('no language table for "de"');
    expect(() => languageTable('constructor')).toThrow();
  });

  it('names every heading form once in the "not a Questions text" hint', () => {
    expect(questionHeadingHints()).toBe('no heading of the form 第N/NN号课题, Question N/NN, Cuestión N/NN, Вопрос N/NN or المسألة N/NN');
  });
});

describe.each(CODES)('the %s table', (code) => {
  const table = languageTable(code);

  it('reads the Question headings it writes, with any dash', () => {
    const heading = table.formatQuestionHeading('12/17', 'Title – with a dash');
    expect(table.questionHeading.exec(heading)?.groups).toMatchObject({ number: '12/17', title: 'Title – with a dash' });
    for (const dash of ['–', '—', '-', '\u2011', '\u2212']) {
      const variant = heading.replace(' – ', ` ${dash} `);
      expect(table.questionHeading.exec(variant)?.groups?.['number']).toBe('12/17');
    }
  });

  it('reads the continuation notes it writes', () => {
    const note = table.formatContinuationNote('note 1/20');
    expect(table.continuationNote.exec(note)?.groups?.['note']).toBe('note 1/20');
  });

  it('finds every section heading and group label it lists through the lookups', () => {
    for (const [heading, role] of Object.entries(table.sectionRoles)) expect(sectionRole(table, heading)).toBe(role);
    for (const [label, role] of Object.entries(table.relationshipRoles)) expect(relationshipRole(table, label)).toBe(role);
    expect(sectionRole(table, 'constructor')).toBeUndefined();
    expect(relationshipRole(table, '__proto__')).toBeUndefined();
  });

  it('writes list markers – and •, and a colon after labels', () => {
    expect(table.listMarkers).toEqual(['–', '•']);
    expect(table.labelColonVariants).toContain(table.labelColon);
  });

  it('sets Word up: Times New Roman, the language tag, right to left for Arabic only', () => {
    expect(table.word.fonts.ascii).toBe('Times New Roman');
    expect(table.word.rtl).toBe(code === 'ar');
    expect(table.word.language).toBe({ zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar-SA' }[code]);
  });
});

describe.each(Object.keys(SECTIONS))('the words of ITU texts in %s', (code) => {
  const table = languageTable(code);

  it('section headings', () => {
    for (const [heading, role] of SECTIONS[code]!) expect(sectionRole(table, heading)).toBe(role);
  });

  it('relationship group labels', () => {
    expect(GROUPS[code]!.map((label) => relationshipRole(table, label))).toEqual(ROLES);
  });
});

describe('the heading, caption, work-programme and lead-in phrases of each language', () => {
  it.each([
    [
      'en',
      'Question 1/20 – Title',
      'Table 1 – Questions',
      'the SG20 work programme (https://…)',
      ['Study items to be considered include, but are not limited to:', 'Tasks include, but are not limited to:'],
    ],
    [
      'fr',
      'Question 1/20 – Titre',
      'Tableau 1 – Questions',
      'le programme de travail de la CE 20',
      ['Les sujets à étudier sont notamment les suivants:', 'Les tâches sont notamment les suivantes:'],
    ],
    [
      'es',
      'Cuestión 1/20 – Título',
      'Cuadro 1 – Cuestiones',
      'el programa de trabajo de la CE 20',
      ['Los temas de estudio que se han de considerar incluyen, entre otros, los siguientes:', 'Las tareas incluyen, entre otras, las siguientes:'],
    ],
    [
      'ru',
      'Вопрос 1/20 – Название',
      'Таблица 1 – Вопросы',
      'в программе работы ИК20',
      ['Изучаемые вопросы, подлежащие рассмотрению, включают, среди прочего, следующие:', 'Задачи включают, среди прочего, следующие:'],
    ],
    [
      'ar',
      'المسألة 1/20 – العنوان',
      'الجدول 1 – المسائل',
      'في برنامج عمل لجنة الدراسات 20',
      ['تشمل بنود الدراسة التي يتعين النظر فيها، على سبيل المثال لا الحصر، ما يلي:', 'تشمل المهام، على سبيل المثال لا الحصر، ما يلي:'],
    ],
  ])('%s', (code, heading, caption, workProgramme, leadIns) => {
    const table = languageTable(code);
    expect(table.questionHeading.exec(heading)?.groups).toMatchObject({ number: '1/20' });
    expect(table.formatQuestionHeading('1/20', heading.split(' – ')[1]!)).toBe(heading);
    expect(table.tableCaption.test(caption)).toBe(true);
    expect(table.tableCaption.test(caption.replace(' – ', ' '))).toBe(false);
    expect(table.workProgramme.test(workProgramme)).toBe(true);
    for (const leadIn of leadIns) expect(table.leadIns.some((re) => re.test(leadIn))).toBe(true);
  });

  it('English and French headings in any case', () => {
    expect(languageTable('en').questionHeading.test('QUESTION 1/20 — TITLE')).toBe(true);
    expect(languageTable('fr').questionHeading.test('question 1/20 - titre')).toBe(true);
    expect(languageTable('es').questionHeading.test('Cuestion 1/20 – Título')).toBe(true);
  });

  it('continuation notes as ITU writes them', () => {
    const notes: [string, string][] = [
      ['en', '(Continuation of Question 1/20)'],
      ['fr', '(Suite de la Question 1/20)'],
      ['es', '(Continuación de la Cuestión 1/20)'],
      ['ru', '(Продолжение Вопроса 1/20)'],
      ['ar', '(استمرار للمسألة 1/20)'],
    ];
    for (const [code, note] of notes) expect(languageTable(code).continuationNote.exec(note)?.groups?.['note']).toBe(note.slice(1, -1));
  });

  it('the words of new work', () => {
    const cases: [string, string, string][] = [
      ['en', 'New study items and continuation of Question 1/20', 'Continuation of Question 1/20 (renewed)'],
      ['fr', 'Nouveaux sujets d’étude et suite de la Question 1/20', 'Suite de la Question 1/20'],
      ['es', 'Nueva Cuestión', 'Continuación de la Cuestión 1/20'],
      ['ru', 'Новые направления исследований', 'Продолжение Вопроса 1/20 (возобновлен)'],
      ['ar', 'بنود دراسة جديدة', 'استمرار للمسألة 1/20'],
    ];
    for (const [code, yes, no] of cases) {
      expect(languageTable(code).newWork.test(yes)).toBe(true);
      expect(languageTable(code).newWork.test(no)).toBe(false);
    }
  });
});

describe('labelKey and the lookups', () => {
  it('ignore case, spacing, dash and apostrophe kinds, Arabic and Russian spelling variants', () => {
    expect(labelKey('  Study\u00a0 GROUPS ')).toBe('study groups');
    expect(labelKey('Commissions d’études')).toBe(labelKey("Commissions d'études"));
    expect(labelKey('ＷＳＩＳ行动方面')).toBe(labelKey('WSIS行动方面'));
    expect(labelKey('المسالة')).toBe(labelKey('المسألة'));
    expect(labelKey('هيئات اخري')).toBe(labelKey('هيئات أخرى'));
    expect(labelKey('Связи')).toBe(labelKey('СВЯЗИ'));
    const en = languageTable('en');
    expect(sectionRole(en, 'MOTIVATION')).toBe('motivation');
    expect(sectionRole(en, 'Study Items')).toBe('question');
    expect(relationshipRole(en, 'WSIS action lines')).toBe('wsis');
    expect(relationshipRole(en, 'Other  Bodies')).toBe('bodies');
    expect(relationshipRole(en, 'Sustainable Development Goals (SDGs)')).toBe('sdgs');
    const fr = languageTable('fr');
    expect(sectionRole(fr, 'Motivation')).toBe('motivation');
    expect(sectionRole(fr, 'TÂCHES')).toBe('tasks');
    expect(relationshipRole(fr, 'Commissions d’études')).toBe('studyGroups');
    expect(relationshipRole(languageTable('zh'), '其它机构')).toBe('bodies');
  });

  it('keep a word of one language out of another table', () => {
    expect(sectionRole(languageTable('en'), 'Tâches')).toBeUndefined();
    expect(sectionRole(languageTable('fr'), 'Tasks')).toBeUndefined();
    expect(relationshipRole(languageTable('en'), 'Recommandations')).toBeUndefined();
  });
});

describe('relationship values in every language', () => {
  it.each([
    ['zh', '9、10 和 11'],
    ['en', '9, 10 and 11'],
    ['fr', '9, 10 et 11'],
    ['es', '9, 10 y 11'],
    ['ru', '9, 10 и 11'],
    ['ar', '9 و10 و11'],
  ])('SDGs in %s: %s', (code, item) => {
    expect(relationshipValues('sdgs', [item], languageTable(code))).toEqual({ kind: 'sdgs', goals: [9, 10, 11] });
  });

  it.each([
    ['zh', 'Y.4000系列 包括Y.4100/Y.2066'],
    ['en', 'Y.4000 series, including Y.4100/Y.2066'],
    ['en', 'Y.4000-series, including Y.4100/Y.2066'],
    ['fr', 'Recommandations de la série Y.4000, notamment Y.4100/Y.2066'],
    ['es', 'Recomendaciones de la serie Y.4000, incluidas Y.4100/Y.2066'],
    ['ru', 'Рекомендации серии Y.4000, в том числе Y.4100/Y.2066'],
    ['ar', 'التوصيات من السلسلة Y.4000، بما فيها Y.4100/Y.2066'],
  ])('a series in %s: %s', (code, item) => {
    expect(relationshipValues('recommendations', [item], languageTable(code))).toEqual({
      kind: 'recommendations',
      recommendations: [{ identifiers: ['Y.4000'], series: true }, { identifiers: ['Y.4100', 'Y.2066'] }],
    });
  });

  it('WSIS action lines typed with the Cyrillic С are given back as C', () => {
    expect(relationshipValues('wsis', ['С2, С7 и C11'], languageTable('ru'))).toEqual({ kind: 'wsis', actionLines: ['C2', 'C7', 'C11'] });
    expect(relationshipValues('wsis', ['ПС2'], languageTable('ru'))).toBeUndefined();
  });

  it('Questions and Recommendations after Arabic letters', () => {
    const ar = languageTable('ar');
    expect(relationshipValues('questions', ['المسألتان 1/22 و3/22'], ar)).toEqual({ kind: 'questions', questions: ['1/22', '3/22'] });
    expect(relationshipValues('recommendations', ['Y.4200 وY.4472'], ar)).toEqual({
      kind: 'recommendations',
      recommendations: [{ identifiers: ['Y.4200'] }, { identifiers: ['Y.4472'] }],
    });
  });
});
