import type { Knex } from 'knex';
import { CHANNELS } from '../db/change-signals.js';

/**
 * Migration 012: the in-app inbox. One row per person a `notify` reached, written in the transition's own
 * statement, so a notification exists exactly when its transition committed and needs no mail server.
 * Title and body are kept in both languages: the reader's screen picks one. A user's `lang` is the language
 * their runtime UI last said they read (null until then: Chinese), so a mail is written in it.
 */
export async function createNotificationTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_notifications', (t) => {
    t.bigIncrements('id');
    t.uuid('user_id').notNullable().references('id').inTable('lodestar_users').onDelete('CASCADE');
    t.jsonb('title').notNullable(); // { zh, en }
    t.jsonb('body').notNullable(); // { zh, en }
    t.text('entity');
    t.uuid('record_id');
    t.bigInteger('history_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
  });
  await knex.schema.alterTable('lodestar_users', (t) => {
    t.text('lang'); // 'zh' | 'en' | null
  });
  // A user's newest first is a walk of (user_id, id); the unread ones (badge count, unread first) have
  // their own partial index, so a user with 100k read notifications counts a handful of entries.
  await knex.raw(`create index lodestar_notifications_user_idx on lodestar_notifications (user_id, id)`);
  await knex.raw(
    `create index lodestar_notifications_unread_idx on lodestar_notifications (user_id, id) where read_at is null`,
  );
}

/**
 * Migration 019: a new notification, and a read mark, NOTIFY the inbox channel at commit with the user's id
 * and nothing else (no title, no body: whoever listens learns only whose inbox changed). Row-level, so a
 * transition that notifies five people wakes five users' streams; PostgreSQL folds repeats of one user
 * within a transaction into one notification. Every engine process hears it (db/change-signals.ts).
 */
export async function createNotificationSignals(knex: Knex): Promise<void> {
  await knex.raw(`create or replace function lodestar_inbox_signal() returns trigger language plpgsql as $$
    begin
      perform pg_notify('${CHANNELS.inbox}', new.user_id::text);
      return null;
    end $$`);
  await knex.raw(`create trigger lodestar_notifications_inbox after insert or update of read_at on lodestar_notifications
    for each row execute function lodestar_inbox_signal()`);
}
