import type { Config } from '../../config.js';
import { handover, type HandoverResult } from '../../handover/handover.js';
import { ModelCache } from '../../model/model-cache.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';
import { withDb } from './open-db.js';

export interface HandoverOptions {
  from: string;
  to: string;
  /** Comma-separated entity ids; default: every entity. */
  entity?: string;
  openOnly?: boolean;
  dryRun?: boolean;
}

/**
 * `lodestar handover`: moves a leaver's records to a successor in one transaction, one audit row per record
 * (actor: the engine, as nobody signs in to the CLI). Prints the count per entity and the total.
 */
export async function runHandover(config: Config, options: HandoverOptions, lang: Lang): Promise<void> {
  const t = CLI_MESSAGES[lang];
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error(t.noModel);
    const entities = options.entity
      ?.split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const result = await handover(
      db.knex,
      model,
      {
        fromEmail: options.from,
        toEmail: options.to,
        ...(entities && { entities }),
        onlyOpen: options.openOnly ?? false,
        dryRun: options.dryRun ?? false,
      },
      { actorId: null },
    );
    printResult(result, options, lang);
  });
}

function printResult(result: HandoverResult, options: HandoverOptions, lang: Lang): void {
  const t = CLI_MESSAGES[lang];
  const rows: [string, string][] = [
    [t.handoverEntity, t.handoverRecords],
    ...Object.entries(result.moved).map(([entity, n]): [string, string] => [entity, String(n)]),
    [t.handoverTotal, String(result.total)],
  ];
  // A Chinese character takes two columns of a terminal.
  const columns = (text: string) => [...text].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const width = Math.max(...rows.map(([name]) => columns(name)));
  const openOnly = options.openOnly ?? false;
  console.log(
    result.dryRun ? t.handoverDryRun(options.from, openOnly) : t.handedOver(options.from, options.to, openOnly),
  );
  for (const [name, n] of rows)
    console.log(`  ${name}${' '.repeat(width - columns(name))}  ${n.padStart(lang === 'zh' ? 5 : 7)}`);
}
