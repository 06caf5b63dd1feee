import {
  CODE_KEY,
  NAME_KEY,
  isBlankKey,
  matchSteps,
  normalizeKey,
  revealOf,
  uniqueKeySteps,
  type DuplicateMatch,
  type DuplicateReveal,
  type KeyStep,
  type MatchKind,
  type Text,
} from '@lodestar/core';
import { toText } from '@lodestar/core';
import type { CompiledEntity } from '../model/compile-model.js';
import { quoteIdent } from '../records/quote-ident.js';
import { forKnex, keyPartSql } from '../schema/key-sql.js';

/*
 * What a duplicate check looks for, from the entity's definition and the values typed so far (pure):
 * one probe per unique key whose fields are all filled, and per matched text field. Each probe's SQL
 * is the very expression of an index the planner built (key-indexes.ts), so every probe is an index
 * lookup, never a scan, whatever the table's size.
 */

// The answer's shapes are core's (duplicate-answer.ts), which the runtime UI reads.
export type { DuplicateMatch, MatchKind };

/** One condition with its bindings; `fields` are the fields it compares. */
export interface Probe {
  kind: MatchKind;
  fields: string[];
  sql: string;
  bindings: unknown[];
}

/** Names shorter than this (after normalisation) match only exactly: two characters name half of China. */
const MIN_NAME_PREFIX = 4;
/** Codes and phone numbers shorter than this are not compared yet (the user is still typing). */
const MIN_CODE = 5;

export function toProbes(
  entity: CompiledEntity,
  values: Record<string, unknown>,
  visible: ReadonlySet<string>,
): Probe[] {
  const options = entity.definition['x-entity'];
  const probes: Probe[] = [];
  for (const key of options.unique ?? []) {
    if (!key.fields.every((field) => visible.has(field))) continue;
    const parts = key.fields.map((field) => {
      const steps = uniqueKeySteps(key, entity.fields.get(field)?.kind);
      const value = values[field];
      return { field, steps, value: typeof value === 'string' ? normalizeKey(value, steps) : value };
    });
    if (parts.some((part) => isBlankKey(part.value) || typeof part.value === 'object')) continue;
    probes.push({
      kind: 'unique',
      fields: key.fields,
      sql: parts.map((part) => partCondition(part.field, part.steps)).join(' and '),
      bindings: parts.map((part) => (part.steps.length ? part.value : String(part.value))),
    });
  }
  for (const field of options.duplicates?.match ?? []) {
    const value = values[field];
    if (!visible.has(field) || typeof value !== 'string' || !entity.fields.get(field)?.column) continue;
    const steps = matchSteps(entity.definition, field);
    const column = forKnex(keyPartSql(onRow(field), steps, true));
    if (steps === NAME_KEY) {
      const name = normalizeKey(value, NAME_KEY);
      if (name.length < 2) continue;
      probes.push({ kind: 'same', fields: [field], sql: `${column} = ? and ${column} <> ''`, bindings: [name] });
      if (name.length < MIN_NAME_PREFIX) continue;
      // Typed name is the start of a stored one, or a stored one the start of the typed name: two probes,
      // since one OR of both lets the planner choose a scan that computes every row's key (measured: seconds).
      const prefixes = Array.from({ length: name.length - MIN_NAME_PREFIX }, (_, i) =>
        name.slice(0, MIN_NAME_PREFIX + i),
      );
      probes.push({
        kind: 'similarName',
        fields: [field],
        sql: `${column} like ? escape '\\' and ${column} <> ''`,
        bindings: [`${escapeLike(name)}%`],
      });
      if (prefixes.length)
        probes.push({
          kind: 'similarName',
          fields: [field],
          sql: `${column} = any(?::text[]) and ${column} <> ''`,
          bindings: [prefixes],
        });
    } else {
      const code = normalizeKey(value, CODE_KEY);
      if (code.length < MIN_CODE) continue;
      probes.push({ kind: 'same', fields: [field], sql: `${column} = ? and ${column} <> ''`, bindings: [code] });
    }
  }
  return probes;
}

function partCondition(field: string, steps: KeyStep[]): string {
  if (!steps.length) return `(${onRow(field)})::text = ?`;
  const sql = forKnex(keyPartSql(onRow(field), steps, true));
  return `${sql} = ? and ${sql} <> ''`;
}

/** The column on the probed row, aliased `t` as the scope conditions expect. */
function onRow(field: string): string {
  return `t.${quoteIdent(field)}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The user-facing line of a match: "已存在：杭州西湖智能制造有限公司，负责人 李销售" at most. */
export function matchText(
  entity: CompiledEntity,
  match: Omit<DuplicateMatch, 'text'>,
  reveal: DuplicateReveal = revealOf(entity.definition),
): Text {
  const record = toText(entity.definition['x-i18n']?.title, entity.definition.title, entity.id);
  const titles = match.reasons[0]!.fields.map((name) => {
    const field = entity.fields.get(name)?.definition;
    return toText(field?.['x-i18n']?.title, field?.title, name);
  });
  const strong = match.reasons.some((reason) => reason.kind !== 'similarName');
  if (match.title !== undefined && (match.readable || reveal === 'owner')) {
    const owner = match.owner
      ? { en: `, owner ${match.owner.name}`, zh: `，负责人 ${match.owner.name}` }
      : { en: '', zh: '' };
    return strong
      ? { en: `Already exists: ${match.title}${owner.en}`, zh: `已存在：${match.title}${owner.zh}` }
      : { en: `Similar name: ${match.title}${owner.en}`, zh: `名称相近：${match.title}${owner.zh}` };
  }
  const fields = { en: titles.map((t) => t.en).join(' and '), zh: titles.map((t) => t.zh).join('和') };
  return strong
    ? {
        en: `A ${record.en} with the same ${fields.en} already exists`,
        zh: `已存在${fields.zh}相同的${record.zh}`,
      }
    : { en: `A ${record.en} with a similar name exists`, zh: `已存在名称相近的${record.zh}` };
}

/** Dice coefficient of the character bigrams of two normalised names. */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeKey(a, NAME_KEY);
  const y = normalizeKey(b, NAME_KEY);
  if (x === y) return 1;
  const pairs = (s: string) => {
    const chars = Array.from(s);
    return chars.slice(1).map((c, i) => chars[i]! + c);
  };
  const [p, q] = [pairs(x), pairs(y)];
  if (!p.length || !q.length) return 0;
  const rest = [...q];
  let shared = 0;
  for (const pair of p) {
    const at = rest.indexOf(pair);
    if (at >= 0) {
      shared++;
      rest.splice(at, 1);
    }
  }
  return Math.round(((2 * shared) / (p.length + q.length)) * 100) / 100;
}
