import { DASH, TIMES, type LanguageTable, webLayout, WEB_QUESTION_NUMBER } from './table.js';

// The lead-ins of lists, which also start sections on a web page that prints no heading.
const STUDY_ITEMS = /^(有待考虑的)?研究项目包括/u;
const TASKS = /^任务包括/u;

/** Chinese, as in TSAG document 008C (the Questions of Study Group 20). */
export const zh: LanguageTable = {
  code: 'zh',
  name: 'Chinese',
  questionHeading: new RegExp(`^第\\s*(?<number>\\d+\\/\\d+)\\s*号课题\\s*${DASH}\\s*(?<title>.+)$`, 'u'),
  formatQuestionHeading: (number, title) => (number === '' ? title : `第${number}号课题 – ${title}`),
  continuationNote: /^（(?<note>.+)）$/u,
  formatContinuationNote: (note) => `（${note}）`,
  sectionRoles: {
    目的: 'motivation',
    动机: 'motivation',
    课题: 'question',
    任务: 'tasks',
    关系: 'relationships',
  },
  relationshipRoles: {
    WSIS行动方面: 'wsis',
    可持续发展目标: 'sdgs',
    建议书: 'recommendations',
    课题: 'questions',
    研究组: 'studyGroups',
    其它机构: 'bodies',
    其他机构: 'bodies',
    标准化机构: 'bodies',
  },
  labelColon: '：',
  labelColonVariants: ['：', ':'],
  listMarkers: ['–', '•'],
  tableCaption: /^表\s*\d+\s*[–—-]/u,
  tableColumns: ['新序号', '当前的课题标题', '状态', '原序号', '先前的课题标题'],
  workProgramme: /工作计划/u,
  leadIns: [STUDY_ITEMS, TASKS],
  // `新兴` ("emerging") is another word, though no note uses it today.
  newWork: /新(?!兴)/u,
  recommendationSeries: { after: /^\s*系列/u },
  termVariants: [
    // ITU's Chinese for a Question is 课题; 问题 ("problem", and the word other bodies use for
    // their questions) slips in where a translator meant this Question. Only the phrase with 本
    // ("this"): 问题 alone is the ordinary word for a problem (识别问题).
    ['本课题', '本问题'],
    // A Question's number is followed by 号课题 (第4/20号课题); 号问题 is the same slip.
    ['号课题', '号问题'],
    // Two accepted spellings of "other"; a text is expected to keep to one.
    ['其他', '其它'],
  ],
  questionHeadingForm: '第N/NN号课题',
  questionHeadingHint: 'no heading of the form 第N/NN号课题',
  word: {
    language: 'zh-CN',
    // The Latin words of a Chinese ITU text (codes, acronyms) are marked as ITU's British English.
    lang: { val: 'en-GB', eastAsia: 'zh-CN' },
    // The fonts of the Chinese ITU template (and of 008C.docx).
    fonts: { ascii: TIMES, hAnsi: TIMES, eastAsia: 'SimSun', cs: TIMES },
    rtl: false,
  },
  web: webLayout({
    questionHead: `第(?<number>${WEB_QUESTION_NUMBER})号课题`,
    questionLike: /^(?:[A-Z]{1,2}\s+)?第\s*\S*\d\S*\s*号课题/u,
    namedNote: /^（\s*(?:第\s*\d+\/\d+\s*号课题的(?:继续|延续)|新课题)/u,
    furniture: ['国际电信联盟', '国际电联', '首页', '主页', '打印版', '高级搜索', '搜索', '网站地图', '联系我们'],
    furnitureLines: [/^(?:首页|主页)\s*[:：>»/]\s*\S/u],
    studyItems: STUDY_ITEMS,
    tasks: TASKS,
  }),
};
