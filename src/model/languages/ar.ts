import { PARENTHESISED_NOTE, TIMES, parenthesise, questionHeadingPattern, type LanguageTable, webLayout, webQuestionHead } from './table.js';

// The lead-ins of lists, which also start sections on a web page that prints no heading.
const STUDY_ITEMS = /^(?:تشمل\s+)?بنود\s+الدراسة/u;
const TASKS = /^(?:تشمل\s+المهام|المهام\s+تشمل)/u;

/**
 * Arabic, as ITU-T publishes the texts of its Questions (`المسألة 1/20`, `A.1 الدافع`), in
 * logical order: readers and writers never reorder text, Word lays it out right to left
 * (`word.rtl`). Letters, section numbers, codes and digits are written as in every ITU language
 * (`A.1`, `Y.4000`, `1/20`). Labels are looked up without short vowels or tatweel, and with the
 * forms of alef, alef maqsura and ta marbuta folded (see `labelKey`).
 */
export const ar: LanguageTable = {
  code: 'ar',
  name: 'Arabic',
  questionHeading: questionHeadingPattern('المس[أا]لة'),
  formatQuestionHeading: (number, title) => (number === '' ? title : `المسألة ${number} – ${title}`),
  // `(استمرار للمسألة 1/20)`, `(مسألة جديدة)`.
  continuationNote: PARENTHESISED_NOTE,
  formatContinuationNote: parenthesise,
  sectionRoles: {
    الدافع: 'motivation',
    الدوافع: 'motivation',
    المسألة: 'question',
    'بنود الدراسة': 'question',
    المهام: 'tasks',
    العلاقات: 'relationships',
  },
  relationshipRoles: {
    'خطوط عمل القمة العالمية لمجتمع المعلومات': 'wsis',
    'خطوط عمل القمة العالمية لمجتمع المعلومات (WSIS)': 'wsis',
    'أهداف التنمية المستدامة': 'sdgs',
    'أهداف التنمية المستدامة (SDG)': 'sdgs',
    التوصيات: 'recommendations',
    المسائل: 'questions',
    'لجان الدراسات': 'studyGroups',
    'هيئات أخرى': 'bodies',
    'هيئات التقييس': 'bodies',
    'هيئات التقييس الأخرى': 'bodies',
    'منظمات أخرى': 'bodies',
  },
  labelColon: ':',
  labelColonVariants: [':', '：'],
  listMarkers: ['–', '•'],
  tableCaption: /^الجدول\s*\d+\s*[-–—:]/u,
  tableColumns: ['الرقم الجديد', 'العنوان الحالي للمسألة', 'الحالة', 'الرقم السابق', 'عنوان المسألة السابقة'],
  // "… في برنامج عمل لجنة الدراسات 20 (https://…)."
  workProgramme: /برنامج\s+(?:ال)?عمل/u,
  leadIns: [
    // "تشمل بنود الدراسة التي يتعين النظر فيها، على سبيل المثال لا الحصر، ما يلي:"
    STUDY_ITEMS,
    // "تشمل المهام، على سبيل المثال لا الحصر، ما يلي:"
    TASKS,
  ],
  newWork: /جديد/u,
  // "التوصيات من السلسلة Y.4000", "سلسلة التوصيات Y.4000".
  recommendationSeries: { before: /(?:ال)?سلسلة\s*(?:(?:ال)?توصيات\s*)?$/u },
  termVariants: [
    // الاتصالات ("telecommunications") begins with a hamzat al-wasl, written without a hamza
    // sign; الإتصالات is the common misspelling.
    ['الاتصالات', 'الإتصالات'],
  ],
  questionHeadingForm: 'المسألة N/NN',
  questionHeadingHint: 'no heading of the form المسألة N/NN',
  word: {
    language: 'ar-SA',
    // Latin words in an Arabic text (codes, acronyms) as ITU's British English, Arabic as complex script.
    lang: { val: 'en-GB', bidi: 'ar-SA' },
    fonts: { ascii: TIMES, hAnsi: TIMES, cs: TIMES },
    rtl: true,
  },
  web: webLayout({
    questionHead: webQuestionHead('المس[أا]لة'),
    questionLike: /^(?:[A-Z]{1,2}\s+)?المس[أا]لة\s+\S*\d/u,
    namedNote: /^\(\s*(?:استمرار\s+لل?مس[أا]لة|مس[أا]لة\s+جديدة)/u,
    furniture: ['الاتحاد الدولي للاتصالات', 'الصفحة الرئيسية', 'الرئيسية', 'بحث'],
    studyItems: STUDY_ITEMS,
    tasks: TASKS,
  }),
};
