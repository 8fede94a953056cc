/**
 * Relationship groups: paired by role (by label when the role is `other` or repeats in the
 * section). Within a pair, a group that holds codes is compared by its typed values (SDG 12
 * added, WSIS C11 removed, Recommendation Y.4100/Y.2066 added): the values say what changed,
 * and the item text around them is how it is written. When the values are the same, or the
 * group holds no codes, its items are compared as texts.
 */
import type { RecommendationRef, RelationshipGroup, RelationshipValues } from '../model/document.js';
import { textContent } from '../model/inline.js';
import { alignTexts, compareStrings, indexed, member, record, type DiffContext } from './context.js';
import { countOf } from './arrays.js';
import { pairByKey, steps } from './lcs.js';

export function compareGroups(context: DiffContext, prefix: string, old: readonly RelationshipGroup[], neu: readonly RelationshipGroup[]): void {
  const oldKeys = groupKeys(old);
  const newKeys = groupKeys(neu);
  const pairing = pairByKey(oldKeys, newKeys, (key) => key);
  for (const step of steps(old.length, neu.length, pairing)) {
    if (step.op === 'added') {
      const group = neu[step.new] as RelationshipGroup;
      record(context, {
        kind: 'added',
        target: 'group',
        path: groupPath(prefix, newKeys[step.new]),
        new: group.label,
        node: { type: 'group', value: group },
      });
    } else if (step.op === 'removed') {
      const group = old[step.old] as RelationshipGroup;
      record(context, {
        kind: 'removed',
        target: 'group',
        path: groupPath(prefix, oldKeys[step.old]),
        old: group.label,
        at: step.at,
        node: { type: 'group', value: group },
      });
    } else compareGroup(context, groupPath(prefix, newKeys[step.new]), old[step.old] as RelationshipGroup, neu[step.new] as RelationshipGroup);
  }
}

function compareGroup(context: DiffContext, path: string, old: RelationshipGroup, neu: RelationshipGroup): void {
  compareStrings(context, 'group', member(path, 'label'), old.label, neu.label);
  if ((old.values || neu.values) && compareValues(context, member(path, 'values'), old.values, neu.values)) return;
  compareGroupItems(context, member(path, 'items'), old.items, neu.items);
}

/** Records added and removed values; true when there were any. */
function compareValues(context: DiffContext, prefix: string, old?: RelationshipValues, neu?: RelationshipValues): boolean {
  const oldCodes = codes(old);
  const newCodes = codes(neu);
  const kind = (neu ?? old)?.kind;
  if (!kind) return false;
  const before = context.changes.length;
  const pairing = pairByKey(oldCodes, newCodes, (code) => code);
  for (const step of steps(oldCodes.length, newCodes.length, pairing)) {
    if (step.op === 'added') {
      const code = newCodes[step.new] as string;
      record(context, { kind: 'added', target: 'relationship', path: indexed('', prefix, code), new: code, value: { kind, code } });
    } else if (step.op === 'removed') {
      const code = oldCodes[step.old] as string;
      record(context, { kind: 'removed', target: 'relationship', path: indexed('', prefix, code), old: code, at: step.at, value: { kind, code } });
    }
  }
  return context.changes.length > before;
}

/** The values as codes, in order: `C11`, `12`, `Y.4100/Y.2066`, `Y.4000 series`, `1/20`. */
export function codes(values?: RelationshipValues): string[] {
  if (!values) return [];
  switch (values.kind) {
    case 'wsis':
      return values.actionLines;
    case 'sdgs':
      return values.goals.map(String);
    case 'recommendations':
      return values.recommendations.map(recommendationCode);
    case 'questions':
      return values.questions;
  }
}

function recommendationCode(ref: RecommendationRef): string {
  return `${ref.identifiers.join('/')}${ref.series ? ' series' : ''}`;
}

function compareGroupItems(context: DiffContext, prefix: string, old: readonly string[], neu: readonly string[]): void {
  const pairing = alignTexts(context, old.map(textContent), neu.map(textContent));
  for (const step of steps(old.length, neu.length, pairing)) {
    if (step.op === 'added')
      record(context, { kind: 'added', target: 'relationship', path: indexed('', prefix, step.new), new: neu[step.new] ?? '' });
    else if (step.op === 'removed') {
      record(context, { kind: 'removed', target: 'relationship', path: indexed('', prefix, step.old), old: old[step.old] ?? '', at: step.at });
    } else if (step.moved) {
      const text = neu[step.new] ?? '';
      record(context, {
        kind: 'moved',
        target: 'relationship',
        path: indexed('', prefix, step.new),
        from: indexed('', prefix, step.old),
        old: text,
        new: text,
      });
    } else compareStrings(context, 'relationship', indexed('', prefix, step.new), old[step.old] ?? '', neu[step.new] ?? '');
  }
}

/** A group's key: its role, or its label when the role is `other` or appears twice. */
export function groupKeys(groups: readonly RelationshipGroup[]): string[] {
  const counts = countOf(groups.map((group) => group.role));
  return groups.map((group) => (group.role !== 'other' && counts.get(group.role) === 1 ? group.role : `[${group.label}]`));
}

function groupPath(prefix: string, key: string | undefined): string {
  return key?.startsWith('[') ? `${prefix}${key}` : member(prefix, key ?? '');
}
