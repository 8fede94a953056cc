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
const STUDY_ITEMS = /^(?:les\s+)?(?:sujets|points|thèmes|questions)\s+(?:d['’]étude|à\s+(?:étudier|examiner))/iu;
const TASKS = /^(?:les\s+)?tâches\s+(?:sont|comprennent|consistent|incluent)/iu;

/**
 * French, as ITU-T publishes the texts of its Questions (`A.1 Motif`, `Grandes orientations
 * du SMSI:`). The heading word is "Question" as in English: `detectLanguage` tells the two
 * apart by the section headings and labels. A colon may follow a (narrow) no-break space
 * (`Recommandations :`): labels are trimmed of every kind of space before the lookup.
 */
export const fr: LanguageTable = {
  code: 'fr',
  name: 'French',
  questionHeading: questionHeadingPattern('Question'),
  formatQuestionHeading: (number, title) => (number === '' ? title : `Question ${number} – ${title}`),
  // `(Suite de la Question 1/20)`, `(Nouvelle Question)`.
  continuationNote: PARENTHESISED_NOTE,
  formatContinuationNote: parenthesise,
  sectionRoles: {
    Motif: 'motivation',
    Motifs: 'motivation',
    Motivation: 'motivation',
    Question: 'question',
    "Sujets d'étude": 'question',
    Tâches: 'tasks',
    Tâche: 'tasks',
    Relations: 'relationships',
  },
  relationshipRoles: {
    'Grandes orientations du SMSI': 'wsis',
    'Grande orientation du SMSI': 'wsis',
    "Grandes orientations de l'action du SMSI": 'wsis',
    'Objectifs de développement durable': 'sdgs',
    'Objectifs de développement durable (ODD)': 'sdgs',
    ODD: 'sdgs',
    Recommandations: 'recommendations',
    Recommandation: 'recommendations',
    "Recommandations de l'UIT-T": 'recommendations',
    Questions: 'questions',
    "Commissions d'études": 'studyGroups',
    "Commission d'études": 'studyGroups',
    "Commissions d'études de l'UIT-T": 'studyGroups',
    'Autres organismes': 'bodies',
    'Organismes de normalisation': 'bodies',
    'Autres organismes de normalisation': 'bodies',
    'Autres organisations': 'bodies',
  },
  labelColon: ':',
  labelColonVariants: [':', '\u00a0:', '\u202f:', '：'],
  listMarkers: ['–', '•'],
  tableCaption: /^tableau\s*\d+\s*[-–—:]/iu,
  tableColumns: ['Nouveau n°', 'Titre actuel de la Question', 'Statut', 'Ancien n°', "Titre de l'ancienne Question"],
  // "… figurent dans le programme de travail de la CE 20 (https://…)."
  workProgramme: /programme\s+de\s+travail/iu,
  leadIns: [
    // "Les sujets à étudier sont notamment les suivants:", "Les points à étudier comprennent, sans s'y limiter:"
    STUDY_ITEMS,
    // "Les tâches sont notamment les suivantes:", "Les tâches comprennent, sans s'y limiter:"
    TASKS,
  ],
  newWork: new RegExp(`${START}nouv(?:eau|eaux|el|elle|elles)${END}`, 'iu'),
  // "Recommandations de la série Y.4000", "séries X.500 et X.1000"; "Y.4000 (série)" is not ITU's wording.
  recommendationSeries: { before: /(?<![\p{L}])s[ée]ries?\s*$/iu },
  termVariants: [
    // Both spellings are correct since the 1990 spelling reform (évènement follows the sound);
    // ITU's French writes événement, and one text keeps to one.
    ['événement', 'évènement'],
    ['événements', 'évènements'],
  ],
  questionHeadingForm: 'Question N/NN',
  questionHeadingHint: 'no heading of the form Question N/NN',
  word: latinWord('fr-FR'),
  web: webLayout({
    questionHead: webQuestionHead('Question'),
    questionLike: /^(?:[A-Z]{1,2}\s+)?Question\s+\S*\d/iu,
    namedNote: /^\(\s*(?:suite\s+de\s+la\s+question|nouvelle\s+question)\b/iu,
    furniture: [
      'Union internationale des télécommunications',
      'UIT',
      'Accueil',
      'Version imprimable',
      'Recherche avancée',
      'Recherche',
      'Plan du site',
      'Nous contacter',
      'Contactez-nous',
      'Connexion',
    ],
    furnitureLines: [/^accueil\s*[:>»/]\s*\S/iu],
    studyItems: STUDY_ITEMS,
    tasks: TASKS,
  }),
};
