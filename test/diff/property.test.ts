/**
 * Property: for random small edits of a model (items and paragraphs inserted or removed, at
 * any level, in up to three places), the diff reports exactly those edits and nothing else.
 * The model is 008C's, whose items share much of their wording: the hard case for alignment.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import type { ListItem, QuestionsDocument, Section } from '../../src/model/document.js';
import { plainText } from '../../src/model/inline.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';

const MODEL = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;

/** Every place of the model that holds items or paragraphs: a section, by Question and index. */
const SECTIONS = MODEL.questions.flatMap((question, q) =>
  question.sections.flatMap((section, s) => (section.role === 'relationships' ? [] : [{ q, s }])),
);

const PARAGRAPHS = new Set(
  MODEL.questions.flatMap((q) => q.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.content)] : [])))),
);

/** `PROPERTY_RUNS=3000 npx vitest run test/diff/property.test.ts` explores further. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

const CHARS = [...'城市数字孪生网络安全隐私数据平台服务应用标准研究协作互操作'];
const newText = fc.array(fc.constantFrom(...CHARS), { minLength: 2, maxLength: 24 }).map((chars) => chars.join(''));

type Edit =
  | { type: 'insertItem'; place: number; at: number; child: number; text: string }
  | { type: 'removeItem'; place: number; at: number; child: number }
  | { type: 'insertParagraph'; place: number; at: number; text: string }
  | { type: 'removeParagraph'; place: number; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ type: fc.constant('insertItem' as const), place: fc.nat(), at: fc.nat(), child: fc.integer({ min: -1, max: 8 }), text: newText }),
  fc.record({ type: fc.constant('removeItem' as const), place: fc.nat(), at: fc.nat(), child: fc.integer({ min: -1, max: 8 }) }),
  fc.record({ type: fc.constant('insertParagraph' as const), place: fc.nat(), at: fc.nat(), text: newText }),
  fc.record({ type: fc.constant('removeParagraph' as const), place: fc.nat(), at: fc.nat() }),
);

/** The items of a section, all lists as one sequence (as the diff sees them). */
function items(section: Section): ListItem[][] {
  return section.blocks.flatMap((block) => (block.type === 'list' ? [block.items] : []));
}

/** Applies an edit; returns the change it should give (`kind path`), or undefined if it does not apply. */
function apply(doc: QuestionsDocument, e: Edit, used: Set<number>): string | undefined {
  const place = SECTIONS[e.place % SECTIONS.length];
  if (!place || used.has(e.place % SECTIONS.length)) return undefined;
  const question = doc.questions[place.q];
  const section = question?.sections[place.s];
  if (!question || !section) return undefined;
  const prefix = `questions[${question.number}].sections.${section.role}`;
  if (e.type === 'insertParagraph' || e.type === 'removeParagraph') {
    const paragraphs = section.blocks.flatMap((block, index) => (block.type === 'paragraph' ? [index] : []));
    if (e.type === 'removeParagraph') {
      if (paragraphs.length === 0) return undefined;
      const at = e.at % paragraphs.length;
      section.blocks.splice(paragraphs[at] as number, 1);
      used.add(e.place % SECTIONS.length);
      return `removed ${prefix}.paragraphs[${at}]`;
    }
    const at = e.at % (paragraphs.length + 1);
    const blockIndex = at < paragraphs.length ? (paragraphs[at] as number) : section.blocks.length;
    if (PARAGRAPHS.has(e.text)) return undefined;
    section.blocks.splice(blockIndex, 0, { type: 'paragraph', content: [{ type: 'text', value: e.text }] });
    used.add(e.place % SECTIONS.length);
    return `added ${prefix}.paragraphs[${at}]`;
  }
  const lists = items(section);
  const flat = lists.flatMap((list) => list.map((_, index) => ({ list, index })));
  if (flat.length === 0) return undefined;
  const top = e.at % flat.length;
  const target = flat[top] as { list: ListItem[]; index: number };
  // child -1: at the top level; else among the children of item `top`.
  const siblings = e.child < 0 ? target.list : (target.list[target.index] as ListItem).children;
  const path = e.child < 0 ? `${prefix}.items` : `${prefix}.items[${top}].children`;
  if (e.type === 'removeItem') {
    if (siblings.length === 0) return undefined;
    const at = e.child < 0 ? target.index : e.child % siblings.length;
    siblings.splice(at, 1);
    used.add(e.place % SECTIONS.length);
    return `removed ${path}[${e.child < 0 ? top : at}]`;
  }
  if (siblings.some((item) => plainText(item.content) === e.text)) return undefined;
  const at = e.child < 0 ? target.index : e.child % (siblings.length + 1);
  siblings.splice(at, 0, { content: [{ type: 'text', value: e.text }], children: [] });
  used.add(e.place % SECTIONS.length);
  return `added ${path}[${e.child < 0 ? top : at}]`;
}

describe('property: the diff reports exactly the edits made', () => {
  it(
    'for up to three inserted or removed items and paragraphs, in different sections',
    () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
          const doc = structuredClone(MODEL);
          const used = new Set<number>();
          const expected = edits.map((e) => apply(doc, e, used)).filter((change): change is string => change !== undefined);
          fc.pre(expected.length > 0);
          const reported = diffEditions(MODEL, doc).changes.map((change) => `${change.kind} ${change.path}`);
          expect(reported.sort()).toEqual([...expected].sort());
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 200,
  );
});
