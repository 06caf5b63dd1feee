import type { Knex } from 'knex';
import { CHANNELS } from './change-signals.js';

/**
 * Migration 018: statement-level triggers that NOTIFY at commit when the identity tables or the published
 * model change, whoever writes them (any route, the CLI, an operator's SQL). Engines cache principals and
 * the model on the strength of these notifications (db/change-signals.ts).
 */
export async function createSignalTriggers(knex: Knex): Promise<void> {
  await signalOn(knex, CHANNELS.identity, ['lodestar_users', 'lodestar_sessions', 'lodestar_api_keys']);
  await signalOn(knex, CHANNELS.model, ['lodestar_model_versions']);
}

async function signalOn(knex: Knex, channel: string, tables: string[]): Promise<void> {
  const fn = `${channel}_signal`;
  await knex.raw(`create or replace function ${fn}() returns trigger language plpgsql as $$
    begin
      perform pg_notify('${channel}', tg_table_name);
      return null;
    end $$`);
  for (const table of tables) {
    await knex.raw(`create trigger ${table}_${channel} after insert or update or delete on ${table}
      for each statement execute function ${fn}()`);
    await knex.raw(`create trigger ${table}_${channel}_truncate after truncate on ${table}
      for each statement execute function ${fn}()`);
  }
}
