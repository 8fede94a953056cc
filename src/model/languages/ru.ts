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
const STUDY_ITEMS = /^(?:изучаемые\s+вопросы|вопросы\s+для\s+изучения|темы\s+для\s+изучения)/iu;
const TASKS = /^задачи\s+(?:включают|состоят)/iu;

/** Russian, as ITU-T publishes the texts of its Questions (`Вопрос 1/20`, `A.1 Мотивы`). */
export const ru: LanguageTable = {
  code: 'ru',
  name: 'Russian',
  questionHeading: questionHeadingPattern('Вопрос'),
  formatQuestionHeading: (number, title) => (number === '' ? title : `Вопрос ${number} – ${title}`),
  // `(Продолжение Вопроса 1/20)`, `(Новый Вопрос)`.
  continuationNote: PARENTHESISED_NOTE,
  formatContinuationNote: parenthesise,
  sectionRoles: {
    Мотивы: 'motivation',
    Мотив: 'motivation',
    Мотивация: 'motivation',
    Вопрос: 'question',
    'Изучаемые вопросы': 'question',
    Задачи: 'tasks',
    Связи: 'relationships',
    Взаимосвязи: 'relationships',
  },
  relationshipRoles: {
    'Направления деятельности ВВУИО': 'wsis',
    'Направление деятельности ВВУИО': 'wsis',
    'Цели в области устойчивого развития': 'sdgs',
    'Цели в области устойчивого развития (ЦУР)': 'sdgs',
    ЦУР: 'sdgs',
    Рекомендации: 'recommendations',
    'Рекомендации МСЭ-Т': 'recommendations',
    Вопросы: 'questions',
    'Исследовательские комиссии': 'studyGroups',
    'Исследовательская комиссия': 'studyGroups',
    'Другие органы': 'bodies',
    'Органы по стандартизации': 'bodies',
    'Другие органы по стандартизации': 'bodies',
    'Другие организации': 'bodies',
  },
  labelColon: ':',
  labelColonVariants: [':', '：'],
  listMarkers: ['–', '•'],
  tableCaption: /^таблица\s*\d+\s*[-–—:]/iu,
  tableColumns: ['Новый №', 'Текущее название Вопроса', 'Статус', 'Прежний №', 'Название предыдущего Вопроса'],
  // "… содержится в программе работы 20-й Исследовательской комиссии (https://…)."
  workProgramme: /программ[а-яё]*\s+работы/iu,
  leadIns: [
    // "Изучаемые вопросы, подлежащие рассмотрению, включают, среди прочего, следующие:"
    STUDY_ITEMS,
    // "Задачи включают, среди прочего, следующие:"
    TASKS,
  ],
  newWork: new RegExp(`${START}нов(?:ый|ая|ое|ые|ого|ой|ых|ым|ыми|ую)${END}`, 'iu'),
  // "Рекомендации серии Y.4000"; "Y.4000-й серии" after the number is read too.
  recommendationSeries: { before: /(?<![\p{L}])сери[яиюей]\s*$/iu, after: /^\s*-?\s*(?:й\s+)?сери[яиюей]/iu },
  termVariants: [
    // ITU-T in Russian is МСЭ-Т with a Cyrillic Т; a Latin T (U+0054) looks the same and is
    // what a keyboard switched to Latin types (МСЭ-R and МСЭ-D are Latin letters, and are right).
    ['МСЭ-Т', 'МСЭ-T'],
  ],
  questionHeadingForm: 'Вопрос N/NN',
  questionHeadingHint: 'no heading of the form Вопрос N/NN',
  word: latinWord('ru-RU'),
  web: webLayout({
    questionHead: webQuestionHead('Вопрос'),
    questionLike: /^(?:[A-Z]{1,2}\s+)?Вопрос\s+\S*\d/iu,
    namedNote: /^\(\s*(?:продолжение\s+вопроса|новый\s+вопрос)/iu,
    furniture: ['Международный союз электросвязи', 'МСЭ', 'Главная', 'Версия для печати', 'Расширенный поиск', 'Поиск', 'Карта сайта', 'Контакты'],
    furnitureLines: [/^главная\s*[:>»/]\s*\S/iu],
    studyItems: STUDY_ITEMS,
    tasks: TASKS,
  }),
};
