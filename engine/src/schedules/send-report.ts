import type { Knex } from 'knex';
import { dateIn } from '../agenda/day.js';
import { textOf } from './schedule-specs.js';
import type { Model } from '../model/compile-model.js';
import { outboxPart } from '../outbox/outbox-repo.js';
import { activeUsersReached, findUserById } from '../identity/users-repo.js';
import { TEAM_MEMBERS } from '../permissions/scope-condition.js';
import { matchSql } from './schedule-sql.js';
import type { ScheduleSpec } from './schedule-specs.js';

/**
 * A `notify` schedule: one mail per active user holding the role, counting the matching records of their
 * team (owned by users of their org unit and the units below; a user without a unit counts every record)
 * per stage, in both languages. Mails go through the outbox like a transition's, so they wait without SMTP.
 */
export async function sendReport(
  knex: Knex,
  model: Model,
  spec: ScheduleSpec & { action: { kind: 'notify' } },
  now: Date,
): Promise<{ processed: number }> {
  const entity = model.entities.get(spec.entity)!;
  const workflow = model.workflows.get(spec.workflow)!;
  const query = matchSql(spec, entity, model.set.entities, workflow);
  const recipients = await activeUsersReached(knex, {
    userIds: [],
    managersOf: [],
    roles: [spec.action.role],
    units: [],
    unitsBelow: [],
  });
  for (const recipient of recipients) {
    const unit = (await findUserById(knex, recipient.id))?.org_unit_id as string | null | undefined;
    const team = unit
      ? { sql: ` and t.owner_id = any(array(${TEAM_MEMBERS}))`, bindings: [unit] }
      : { sql: '', bindings: [] };
    const counted = await knex.raw(
      `select t.state, count(*)::int as n from ${query.table} as t where ${query.where.sql}${team.sql} group by t.state`,
      [...query.where.bindings, ...team.bindings],
    );
    const counts = new Map((counted.rows as { state: string | null; n: number }[]).map((r) => [r.state, r.n]));
    const lines = Object.entries(workflow.states).map(([name, state]) => {
      const title = textOf(state.meta?.title, name);
      const n = (counts.get(name) ?? 0) + (name === workflow.initial ? (counts.get(null) ?? 0) : 0);
      return { en: `${title.en}: ${n}`, zh: `${title.zh}：${n}` };
    });
    const subject = spec.action.subject ?? spec.title;
    // The day in the schedule's own zone: an 08:00 report in Shanghai is dated that morning, not the UTC eve.
    const day = dateIn(now, spec.timeZone);
    const part = outboxPart({ entity: spec.entity, recordId: null as unknown as string }, [
      {
        kind: 'email',
        payload: {
          to: [recipient.email],
          subject: `${subject.zh} / ${subject.en} (${day})`,
          text: [
            `${recipient.display_name}，您好：`,
            `以下是您团队截至 ${day} 的统计（${spec.title.zh}）：`,
            ...lines.map((l) => `  ${l.zh}`),
            '',
            `Hello ${recipient.display_name},`,
            `your team's figures as of ${day} (${spec.title.en}):`,
            ...lines.map((l) => `  ${l.en}`),
          ].join('\n'),
        },
      },
    ]);
    await knex.raw(`with h as (select null::bigint as id), ${part.sql} select 1`, part.bindings);
  }
  return { processed: recipients.length };
}
