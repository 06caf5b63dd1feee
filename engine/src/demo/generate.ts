import type { EntitySpec, Generator, WalkSpec, WalkStep } from './demo-spec.js';
import type { Random } from './prng.js';

/*
 * Pure generation: specs, the demo users and the records written so far in, planned records and walks out.
 * Choices depend only on the seed and the order of things (never on database ids), so a seed gives the same data.
 */

/** A demo user as generation needs it. */
export interface DemoUser {
  key: string;
  id: string;
  roles: string[];
  managerId: string | null;
}

/** A demo record written earlier in this run: what later specs may refer to, copy from or walk. */
export interface PoolRecord {
  id: string;
  values: Record<string, unknown>;
  ownerId: string | null;
  created: Date;
  state?: string;
}

export interface GenerateContext {
  random: Random;
  now: Date;
  users: DemoUser[];
  pools: Map<string, PoolRecord[]>;
  /** Records by id, for `customer.region` copies and owners taken from a related record. */
  byId: Map<string, PoolRecord>;
  /** Company names already given, so each customer's name is its own. */
  names: Set<string>;
}

/** A record to write: its body (fields, record type, owner) and when it was created. */
export interface PlannedRecord {
  values: Record<string, unknown>;
  recordType?: string;
  ownerId: string | null;
  created: Date;
}

const DAY = 86_400_000;

export function generateRecords(spec: EntitySpec, ctx: GenerateContext): PlannedRecord[] {
  const parents = spec.per
    ? (ctx.pools.get(spec.per.entity) ?? []).filter((p) => !spec.per!.state || spec.per!.state.includes(p.state ?? ''))
    : [];
  const slots: (PoolRecord | undefined)[] = spec.per
    ? parents.flatMap((parent) => Array<PoolRecord>(ctx.random.int(...spec.per!.count)).fill(parent))
    : Array<undefined>(spec.count ?? 0).fill(undefined);
  const owners = spec.owner && 'roles' in spec.owner ? usersWith(ctx, spec.owner.roles) : [];
  return slots.map((parent, index) => {
    const values: Record<string, unknown> = {};
    if (parent && spec.per?.field) values[spec.per.field] = parent.id;
    const created = createdAt(spec, ctx, values, parent);
    const self: Self = { values, created, n: index + 1, ...(parent && { parent }) };
    const recordType = spec.recordType ? (generate(spec.recordType, ctx, self) as string) : undefined;
    const fields = { ...spec.fields, ...(recordType && spec.byType?.[recordType]) };
    for (const [field, generator] of Object.entries(fields)) {
      const value = generate(generator, ctx, self);
      if (value !== null && value !== undefined) values[field] = value;
    }
    let ownerId: string | null = null;
    if (spec.owner && 'from' in spec.owner) ownerId = ctx.byId.get(values[spec.owner.from] as string)?.ownerId ?? null;
    else if (owners.length) ownerId = ctx.random.item(owners).id;
    return { values, ...(recordType && { recordType }), ownerId, created };
  });
}

/** One step of a walk as planned: the event, when, who sends it, and what is written just before. */
export interface PlannedStep {
  event: string;
  at: Date;
  as: WalkStep['as'];
  set?: Record<string, unknown>;
  from?: string[];
}

/** The walks of the records in the spec's states: each takes a path by weight and stops before today. */
export function planWalks(spec: WalkSpec, ctx: GenerateContext): { record: PoolRecord; steps: PlannedStep[] }[] {
  const choices = [
    ...spec.paths.map((path) => ({ value: path.steps, weight: path.weight })),
    ...(spec.stay ? [{ value: undefined, weight: spec.stay }] : []),
  ];
  const walks: { record: PoolRecord; steps: PlannedStep[] }[] = [];
  for (const record of ctx.pools.get(spec.walk) ?? []) {
    if (spec.state && !spec.state.includes(record.state ?? '')) continue;
    const steps = ctx.random.weighted(choices);
    if (!steps) continue;
    let at = record.created.getTime();
    const planned: PlannedStep[] = [];
    for (const step of steps) {
      at += Math.round((step.days[0] + ctx.random.next() * (step.days[1] - step.days[0])) * DAY);
      if (at >= ctx.now.getTime()) break;
      const when = new Date(at);
      const set = step.set
        ? Object.fromEntries(
            Object.entries(step.set).map(([field, g]) => [
              field,
              generate(g, ctx, { values: record.values, created: when, n: 0 }),
            ]),
          )
        : undefined;
      planned.push({
        event: step.event,
        at: when,
        as: step.as,
        ...(set && { set }),
        ...(step.from && { from: step.from }),
      });
    }
    if (planned.length) walks.push({ record, steps: planned });
  }
  return walks;
}

function usersWith(ctx: GenerateContext, roles: string[]): DemoUser[] {
  return ctx.users.filter((user) => user.roles.some((role) => roles.includes(role)));
}

function createdAt(spec: EntitySpec, ctx: GenerateContext, values: Record<string, unknown>, parent?: PoolRecord): Date {
  const { random, now } = ctx;
  const created = spec.created;
  let at: number;
  if ('daysAgo' in created) {
    const [recent, old] = created.daysAgo;
    at = now.getTime() - (recent + (old - recent) * random.next() ** (created.skew ?? 1)) * DAY;
  } else {
    const base = parent ?? ctx.byId.get(values[created.after] as string);
    const from = base?.created.getTime() ?? now.getTime() - 30 * DAY;
    // Within the range and before today: a late parent's children spread over the days it has, not pile up today.
    const latest = now.getTime() - 3_600_000;
    const high = Math.min(from + created.days[1] * DAY, latest);
    const low = Math.min(from + created.days[0] * DAY, high);
    at = low + random.next() * (high - low);
  }
  // Office hours: the day as drawn, between 09:00 and 18:00 China time (UTC+8).
  const day = Math.floor((at + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  const time = day + (9 + random.next() * 9) * 3_600_000;
  return new Date(Math.min(time, now.getTime() - 3_600_000));
}

interface Self {
  values: Record<string, unknown>;
  created: Date;
  n: number;
  /** The record this one was made for (`per`), reachable as `parent.<field>`. */
  parent?: PoolRecord;
}

/** One value from its generator; null when the generator's `optional` share leaves it empty. */
export function generate(generator: Generator, ctx: GenerateContext, self: Self): unknown {
  const { random } = ctx;
  if (generator.optional !== undefined && random.next() < generator.optional) return null;
  if ('const' in generator) return generator.const;
  if ('pick' in generator) {
    const pick = generator.pick;
    return Array.isArray(pick)
      ? random.item(pick)
      : random.weighted(Object.entries(pick).map(([value, weight]) => ({ value, weight })));
  }
  if ('companyName' in generator) {
    const { cities, brands, industries, suffixes } = generator.companyName;
    for (let tries = 0; ; tries++) {
      const name = `${random.item(cities)}${random.item(brands)}${random.item(industries)}${random.item(suffixes)}`;
      if (!ctx.names.has(name) || tries > 50) {
        ctx.names.add(name);
        return name;
      }
    }
  }
  if ('personName' in generator)
    return `${random.item(generator.personName.surnames)}${random.item(generator.personName.given)}`;
  if ('pattern' in generator)
    return generator.pattern.replace(/\{n\}/g, String(self.n)).replace(/#/g, () => String(random.int(0, 9)));
  if ('number' in generator) {
    const { min, max, skew = 1, step } = generator.number;
    const value = min + (max - min) * random.next() ** skew;
    return step ? Math.round(value / step) * step : Math.round(value * 100) / 100;
  }
  if ('date' in generator || 'dateTime' in generator) {
    const spec = 'date' in generator ? generator.date : generator.dateTime;
    const base = spec.from === 'created' ? self.created.getTime() : ctx.now.getTime();
    const at = new Date(base + (spec.days[0] + random.next() * (spec.days[1] - spec.days[0])) * DAY);
    return 'date' in generator ? chinaDate(at) : at.toISOString();
  }
  if ('ref' in generator) {
    const candidates = related(ctx, generator.ref, generator.where, self, generator.state);
    return candidates.length ? random.item(candidates).id : null;
  }
  if ('refs' in generator) {
    const candidates = [...related(ctx, generator.refs, generator.where, self)];
    const wanted = Math.min(random.int(...generator.count), candidates.length);
    const chosen: string[] = [];
    while (chosen.length < wanted) chosen.push(candidates.splice(random.int(0, candidates.length - 1), 1)[0]!.id);
    return chosen.length ? chosen : null;
  }
  if ('copy' in generator) return valueAt(ctx, self, generator.copy);
  const parts = generator.concat.map((part) => generate(part, ctx, self));
  return parts.some((p) => p === null || p === undefined) ? null : parts.join('');
}

/** The demo records of an entity whose `where` fields equal this record's (a contact of the same customer). */
function related(
  ctx: GenerateContext,
  entity: string,
  where: Record<string, string> | undefined,
  self: Self,
  states?: string[],
): PoolRecord[] {
  const pool = ctx.pools.get(entity) ?? [];
  const conditions = Object.entries(where ?? {});
  if (!conditions.length && !states) return pool;
  return pool.filter(
    (record) =>
      (!states || states.includes(record.state ?? '')) &&
      conditions.every(([theirs, mine]) => record.values[theirs] === valueAt(ctx, self, mine)),
  );
}

/** A value this record has (`region`), or one of the record its field refers to (`customer.region`). */
function valueAt(ctx: GenerateContext, self: Self, path: string): unknown {
  const [first, second] = path.split('.') as [string, string | undefined];
  const parent = first === 'parent' ? self.parent : undefined;
  if (second === undefined) return parent ? parent.id : (self.values[first] ?? null);
  return (parent ?? ctx.byId.get(self.values[first] as string))?.values[second] ?? null;
}

/** The calendar date in China (UTC+8), as a `date` field stores it. */
function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
