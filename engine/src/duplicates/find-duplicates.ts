import { revealOf, type DuplicateAnswer } from '@lodestar/core';
import type { Knex } from 'knex';
import { ValidationError, type Issue } from '../errors.js';
import { userNameRows } from '../identity/users-repo.js';
import { viewOf } from '../records/record-permissions.js';
import type { RecordContext } from '../records/types.js';
import { matchText, nameSimilarity, toProbes, type DuplicateMatch, type MatchKind, type Probe } from './match-plan.js';

/** At most this many records per probe, and per answer. */
const PER_PROBE = 5;
const MAX_MATCHES = 10;

export type { DuplicateAnswer };

/**
 * Records that the values typed so far may duplicate, across every owner: exact matches on unique keys,
 * the same code or phone number, similar names. Records the user may read come with id, title and
 * owner; of the others the entity's `reveal` decides: `owner` their title and owner's name, `exists`
 * only that one exists and why, `nothing` nothing at all, except a unique-key match, which the save
 * would reveal anyway (409). `exclude` leaves out the record being edited.
 */
export async function findDuplicates(
  ctx: RecordContext,
  values: Record<string, unknown>,
  exclude?: string,
): Promise<DuplicateAnswer> {
  const view = viewOf(ctx);
  const issues = valueIssues(values, new Set(view.fields.keys()));
  if (issues.length)
    throw new ValidationError({ en: 'the values to check are not valid', zh: '要查重的值无效' }, { issues });
  const probes = toProbes(ctx.entity, values, new Set(view.fields.keys()));
  const titleField = ctx.entity.definition['x-entity'].titleField;
  const titleVisible = view.fields.has(titleField) && ctx.entity.fields.get(titleField)?.column !== undefined;
  const readable = ctx.access?.condition(ctx.entity.id, 'read');
  const found = new Map<string, { row: Row; reasons: { kind: MatchKind; fields: string[] }[] }>();
  // Each probe is an index lookup by construction, but the planner cannot see it: a partial expression index
  // has no statistics, and with LIMIT it judged a scan computing every row's key cheaper (measured: seconds on
  // 20,000 rows). So the probes run where a sequential scan is the last resort.
  const rows = probes.length
    ? await ctx.knex.transaction(async (trx) => {
        await trx.raw('set local enable_seqscan = off');
        const answers: { probe: Probe; rows: Row[] }[] = [];
        for (const probe of probes) {
          const query = trx({ t: ctx.entity.id })
            .select('t.id', 't.owner_id')
            .select(
              trx.raw(
                readable ? `(${readable.sql}) as readable` : 'true as readable',
                (readable?.bindings ?? []) as Knex.RawBinding[],
              ),
            )
            .whereRaw(probe.sql, probe.bindings as Knex.RawBinding[])
            .limit(PER_PROBE);
          if (titleVisible) query.select({ title: `t.${titleField}` });
          if (exclude) query.whereNot('t.id', exclude);
          answers.push({ probe, rows: (await query) as Row[] });
        }
        return answers;
      })
    : [];
  for (const { probe, rows: matched } of rows) {
    for (const row of matched) {
      const entry = found.get(row.id) ?? { row, reasons: [] };
      if (!entry.reasons.some((r) => r.kind === probe.kind && r.fields.join() === probe.fields.join()))
        entry.reasons.push({ kind: probe.kind, fields: probe.fields });
      found.set(row.id, entry);
    }
  }
  const reveal = revealOf(ctx.entity.definition);
  const entries = [...found.values()]
    .map((entry) => ({ ...entry, rank: rank(entry.reasons) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_MATCHES);
  const ownerIds = [...new Set(entries.map((e) => e.row.owner_id).filter((id): id is string => !!id))];
  const names = new Map(
    (await userNameRows(ctx.knex, ownerIds)).map((user) => [user.id, user.display_name || user.email]),
  );
  const typedName = typeof values[titleField] === 'string' ? (values[titleField] as string) : undefined;
  const matches: DuplicateMatch[] = [];
  for (const { row, reasons: all } of entries) {
    const reasons = strongest(all);
    const isReadable = row.readable === true || row.readable === 't';
    const unique = reasons.some((reason) => reason.kind === 'unique');
    if (!isReadable && reveal === 'nothing' && !unique) continue;
    const showRecord = isReadable || reveal === 'owner';
    const name = row.owner_id ? names.get(row.owner_id) : undefined;
    // The owner's id only with a record the user may open; of the others, the name alone.
    const owner = name === undefined ? undefined : isReadable ? { id: row.owner_id!, name } : { name };
    const match: Omit<DuplicateMatch, 'text'> = {
      readable: isReadable,
      reasons,
      ...(isReadable && { id: row.id }),
      ...(showRecord && row.title != null && { title: String(row.title) }),
      ...(showRecord && owner && { owner }),
      ...(typedName && row.title != null && showRecord && reasons.some((r) => r.kind === 'similarName')
        ? { similarity: nameSimilarity(typedName, String(row.title)) }
        : {}),
    };
    matches.push({ ...match, text: matchText(ctx.entity, match, reveal) });
  }
  return { conflict: matches.some((m) => m.reasons.some((r) => r.kind === 'unique')), matches };
}

interface Row {
  id: string;
  owner_id: string | null;
  title?: unknown;
  readable: unknown;
}

/** Each field once, by its strongest reason: a unique key over a same value over a similar name. */
function strongest(reasons: { kind: MatchKind; fields: string[] }[]): { kind: MatchKind; fields: string[] }[] {
  const covered = (kinds: MatchKind[], field: string) =>
    reasons.some((r) => kinds.includes(r.kind) && r.fields.length === 1 && r.fields[0] === field);
  return reasons.filter((reason) => {
    if (reason.kind === 'same') return !covered(['unique'], reason.fields[0]!);
    if (reason.kind === 'similarName') return !covered(['unique', 'same'], reason.fields[0]!);
    return true;
  });
}

function rank(reasons: { kind: MatchKind }[]): number {
  if (reasons.some((r) => r.kind === 'unique')) return 0;
  if (reasons.some((r) => r.kind === 'same')) return 1;
  return 2;
}

/** Values to check are scalars of the entity's fields as the user sees them. */
function valueIssues(values: Record<string, unknown>, fields: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const pointer = `/${name}`;
    if (!fields.has(name)) {
      issues.push({
        pointer,
        keyword: 'additionalProperties',
        message: 'is not a field of this entity',
        i18n: { en: 'is not a field of this entity', zh: '不是此实体的字段' },
      });
    } else if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      issues.push({
        pointer,
        keyword: 'type',
        message: 'must be a single value (text, number or yes/no)',
        i18n: { en: 'must be a single value (text, number or yes/no)', zh: '必须是单个值（文本、数字或是/否）' },
      });
    } else if (typeof value === 'string' && value.length > 1000) {
      issues.push({
        pointer,
        keyword: 'maxLength',
        message: 'must be at most 1000 characters',
        i18n: { en: 'must be at most 1000 characters', zh: '最多 1000 个字符' },
      });
    }
  }
  return issues;
}
