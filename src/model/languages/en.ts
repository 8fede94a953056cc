import { END, PARENTHESISED_NOTE, START, latinWord, parenthesise, questionHeadingPattern, type LanguageTable } from './table.js';

/**
 * English, as ITU-T publishes the texts of its Questions (`A.1 Motivation`, `WSIS Action
 * Lines:`). Labels are looked up ignoring case and spacing; alternatives seen in other
 * editions or study groups are listed after ITU's usual wording.
 */
export const en: LanguageTable = {
  code: 'en',
  name: 'English',
  questionHeading: questionHeadingPattern('Question'),
  formatQuestionHeading: (number, title) => `Question ${number} – ${title}`,
  // `(Continuation of Question 1/20)`, `(New Question)`.
  continuationNote: PARENTHESISED_NOTE,
  formatContinuationNote: parenthesise,
  sectionRoles: {
    Motivation: 'motivation',
    Motivations: 'motivation',
    Question: 'question',
    'Study items': 'question',
    Tasks: 'tasks',
    Task: 'tasks',
    Relationships: 'relationships',
    Relationship: 'relationships',
  },
  relationshipRoles: {
    'WSIS Action Lines': 'wsis',
    'WSIS Action Line': 'wsis',
    WSIS: 'wsis',
    'Sustainable Development Goals': 'sdgs',
    'Sustainable Development Goal': 'sdgs',
    'Sustainable Development Goals (SDGs)': 'sdgs',
    SDGs: 'sdgs',
    Recommendations: 'recommendations',
    Recommendation: 'recommendations',
    'ITU-T Recommendations': 'recommendations',
    Questions: 'questions',
    'ITU-T Questions': 'questions',
    'Study Groups': 'studyGroups',
    'Study Group': 'studyGroups',
    'ITU-T Study Groups': 'studyGroups',
    'Other bodies': 'bodies',
    'Other body': 'bodies',
    'Standardization bodies': 'bodies',
    'Other standardization bodies': 'bodies',
    'Standards bodies': 'bodies',
    'Other organizations': 'bodies',
    'Standards development organizations': 'bodies',
    'Standards development organizations (SDOs)': 'bodies',
    'Other SDOs': 'bodies',
    SDOs: 'bodies',
  },
  labelColon: ':',
  labelColonVariants: [':', '：'],
  listMarkers: ['–', '•'],
  tableCaption: /^table\s*\d+\s*[-–—:]/iu,
  tableColumns: ['New No.', 'Current Question title', 'Status', 'Former No.', 'Former Question title'],
  // "An up-to-date status of work under this Question is contained in the SG20 work programme (https://…)."
  workProgramme: /work\s*-?\s*program(?:me)?/iu,
  leadIns: [
    // "Study items to be considered include, but are not limited to:"
    /^(?:the\s+)?(?:study items|study questions|issues to be studied)\b/iu,
    // "Tasks include, but are not limited to:"
    /^(?:the\s+)?tasks\s+(?:include|are)\b/iu,
  ],
  newWork: new RegExp(`${START}new${END}`, 'iu'),
  // "Y.4000 series", "Y.4000-series"; rarely "the series X.1000".
  recommendationSeries: { after: /^\s*-?\s*series\b/iu, before: /\bseries\s*$/iu },
  questionHeadingForm: 'Question N/NN',
  questionHeadingHint: 'no heading of the form Question N/NN',
  word: latinWord('en-GB'),
};
