import {
  END,
  PARENTHESISED_NOTE,
  START,
  latinWord,
  parenthesise,
  questionHeadingPattern,
  type LanguageTable,
  webLayout,
  webQuestionHead,
} from './table.js';

// The lead-ins of lists, which also start sections on a web page that prints no heading.
const STUDY_ITEMS = /^(?:los\s+)?(?:temas|puntos)\s+(?:de\s+estudio|que\s+se\s+han\s+de\s+(?:estudiar|considerar))/iu;
const TASKS = /^(?:las\s+)?tareas\s+(?:incluyen|son|comprenden)/iu;

/** Spanish, as ITU-T publishes the texts of its Questions (`Cuestión 1/20`, `A.1 Motivo`). */
export const es: LanguageTable = {
  code: 'es',
  name: 'Spanish',
  questionHeading: questionHeadingPattern('Cuesti[oó]n'),
  formatQuestionHeading: (number, title) => (number === '' ? title : `Cuestión ${number} – ${title}`),
  // `(Continuación de la Cuestión 1/20)`, `(Nueva Cuestión)`.
  continuationNote: PARENTHESISED_NOTE,
  formatContinuationNote: parenthesise,
  sectionRoles: {
    Motivo: 'motivation',
    Motivos: 'motivation',
    Motivación: 'motivation',
    Cuestión: 'question',
    'Temas de estudio': 'question',
    Tareas: 'tasks',
    Relaciones: 'relationships',
  },
  relationshipRoles: {
    'Líneas de acción de la CMSI': 'wsis',
    'Línea de acción de la CMSI': 'wsis',
    'Objetivos de Desarrollo Sostenible': 'sdgs',
    'Objetivos de Desarrollo Sostenible (ODS)': 'sdgs',
    ODS: 'sdgs',
    Recomendaciones: 'recommendations',
    Recomendación: 'recommendations',
    'Recomendaciones UIT-T': 'recommendations',
    Cuestiones: 'questions',
    'Comisiones de Estudio': 'studyGroups',
    'Comisión de Estudio': 'studyGroups',
    'Otros organismos': 'bodies',
    'Organismos de normalización': 'bodies',
    'Otros organismos de normalización': 'bodies',
    'Otras organizaciones': 'bodies',
  },
  labelColon: ':',
  labelColonVariants: [':', '：'],
  listMarkers: ['–', '•'],
  tableCaption: /^cuadro\s*\d+\s*[-–—:]/iu,
  tableColumns: ['Nuevo N.º', 'Título actual de la Cuestión', 'Situación', 'N.º anterior', 'Título de la Cuestión anterior'],
  // "… figura en el programa de trabajo de la CE 20 (https://…)."
  workProgramme: /programa\s+de\s+trabajo/iu,
  leadIns: [
    // "Los temas de estudio que se han de considerar incluyen, entre otros, los siguientes:"
    STUDY_ITEMS,
    // "Las tareas incluyen, entre otras, las siguientes:"
    TASKS,
  ],
  newWork: new RegExp(`${START}nuev[oa]s?${END}`, 'iu'),
  // "Recomendaciones de la serie Y.4000"; "Y.4000 serie" after the number is read too.
  recommendationSeries: { before: /(?<![\p{L}])series?\s*$/iu, after: /^\s*-?\s*serie\b/iu },
  termVariants: [
    // ITU's Spanish name of a study group is Comisión de Estudio (singular Estudio);
    // Comisión de Estudios is the common slip.
    ['Comisión de Estudio', 'Comisión de Estudios'],
    ['Comisiones de Estudio', 'Comisiones de Estudios'],
  ],
  questionHeadingForm: 'Cuestión N/NN',
  questionHeadingHint: 'no heading of the form Cuestión N/NN',
  word: latinWord('es-ES'),
  web: webLayout({
    questionHead: webQuestionHead('Cuesti[oó]n'),
    questionLike: /^(?:[A-Z]{1,2}\s+)?Cuesti[oó]n\s+\S*\d/iu,
    namedNote: /^\(\s*(?:continuaci[oó]n\s+de\s+la\s+cuesti[oó]n|nueva\s+cuesti[oó]n)\b/iu,
    furniture: [
      'Unión Internacional de Telecomunicaciones',
      'UIT',
      'Inicio',
      'Versión para imprimir',
      'Versión imprimible',
      'Búsqueda avanzada',
      'Búsqueda',
      'Mapa del sitio',
      'Contacto',
      'Contáctenos',
    ],
    furnitureLines: [/^inicio\s*[:>»/]\s*\S/iu],
    studyItems: STUDY_ITEMS,
    tasks: TASKS,
  }),
};
