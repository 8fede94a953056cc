import {
  END,
  PARENTHESISED_NOTE,
  START,
  latinWord,
  parenthesise,
  questionHeadingPattern,
  webLayout,
  webQuestionHead,
  type LanguageTable,
} from './table.js';

/**
 * English, as ITU-T publishes the texts of its Questions (`A.1 Motivation`, `WSIS Action
 * Lines:`). Labels are looked up ignoring case and spacing; alternatives seen in other
 * editions or study groups are listed after ITU's usual wording.
 */
export const en: LanguageTable = {
  code: 'en',
  name: 'English',
  questionHeading: questionHeadingPattern('Question'),
  // A page that gives only the title is read with an empty number: the title alone.
  formatQuestionHeading: (number, title) => (number === '' ? title : `Question ${number} – ${title}`),
  // `(Continuation of Question 1/20)`, `(New Question)`.
  continuationNote: PARENTHESISED_NOTE,
  formatContinuationNote: parenthesise,
  sectionRoles: {
    Motivation: 'motivation',
    Motivations: 'motivation',
    // The name before the 2005–2008 study period (2001–2004 web pages).
    'Background and justification': 'motivation',
    Question: 'question',
    Questions: 'question',
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
  termVariants: [
    // ITU's English spells -ization (Oxford spelling); the British -isation comes in with
    // contributions. Singular and plural are separate groups as each is matched as a whole word.
    ['standardization', 'standardisation'],
    ['organization', 'organisation'],
    ['organizations', 'organisations'],
    ['harmonization', 'harmonisation'],
  ],
  questionHeadingForm: 'Question N/NN',
  questionHeadingHint: 'no heading of the form Question N/NN',
  word: latinWord('en-GB'),
  web: webLayout({
    questionHead: webQuestionHead('Question'),
    questionLike: /^(?:[A-Z]{1,2}\s+)?Question\s+\S*\d/iu,
    namedNote: /^\(\s*(?:continuation\s+of\s+question|new\s+question)\b/iu,
    furniture: [
      'Committed to connecting the world',
      'International Telecommunication Union',
      'ITU',
      'ITU Home Page',
      'ITU-T Home',
      'Home',
      'Print Version',
      'Advanced Search',
      'Search',
      'Site Map',
      'Contact us',
      'Log ?in',
      'Sign in',
      'Sign up',
      'Share',
      'Skip to main content',
      'Menu',
      // The foot of the page.
      'Privacy notice',
      'Terms of use',
      'Accessibility',
      'Back to top',
      'Top',
      'Feedback',
      'Follow us',
      // `Copyright © ITU 2009 All Rights Reserved` (the site's foot until about 2012).
      '(?:©|\\(c\\)|Copyright)(?:\\s*©)?\\s*ITU(?:\\s+\\d{4}(?:\\s*-\\s*\\d{4})?)?(?:\\s+All\\s+Rights\\s+Reserved\\.?)?',
      'All Rights Reserved\\.?',
    ],
    // "Home : ITU-T Home : Study Period 2001-2004", "Home > ITU-T > Study Groups".
    furnitureLines: [/^home\s*[:>»/]\s*\S/iu],
    // "Study items to be considered include, but are not limited to:"
    studyItems: /^(?:the\s+)?(?:study items|study questions|issues to be studied)\b.*\b(?:include|are)\b/iu,
    // "Tasks include, but are not limited to:"
    tasks: /^(?:the\s+)?tasks\s+(?:include|are)\b/iu,
    // ITU-D Questions (WTDC resolutions): `1 Statement of the situation` … `6 Sources of input`.
    itudSections: [
      'Statement of the situation',
      'Statement of the situation or problem',
      'Question for study',
      'Question or issue for study',
      'Expected output',
      'Timing',
      'Proposers',
      'Proposers/sponsors',
      'Sources of input',
      'Target audience',
      'Proposed methods of handling the Question or issue',
      'Proposed methods of handling the Question',
      'Coordination',
      'Other relevant information',
    ],
  }),
};
