import type { Knex } from 'knex';
import zhOrder from './zh-order.json' with { type: 'json' };
import { ZH_COLLATION } from './keyset.js';

/**
 * Creates the collation text sorts use (pinyin order). PostgreSQL built with ICU has `zh-x-icu`; PGlite's
 * ICU carries no Chinese data and would sort Han characters by code point (上海 before 北京), so there the
 * same order is built from rules: every BMP Han character in the order PostgreSQL's `zh-x-icu` gives them
 * (records/zh-order.json, written by scripts/zh-order.mjs), Han before Latin as in ICU's `zh`.
 */
export async function createZhCollation(knex: Knex): Promise<void> {
  const { rows } = await knex.raw<{ rows: unknown[] }>(`select 1 from pg_collation where collname = 'zh-x-icu'`);
  if (rows.length) return void (await knex.raw(`create collation if not exists ${ZH_COLLATION} from "zh-x-icu"`));
  // Dollar quoting: the rules hold no `$`, and a parameter cannot stand in a utility statement.
  await knex.raw(
    `create collation if not exists ${ZH_COLLATION} (provider = icu, locale = 'und', rules = $zh$${zhRules()}$zh$)`,
  );
}

/** ICU tailoring rules: Han first, then each character one primary step after the one before it. */
export function zhRules(): string {
  return `[reorder Hani Bopo] &[last regular]<*${zhOrder.chars}`;
}
