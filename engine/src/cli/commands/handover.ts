import type { Config } from '../../config.js';
import { handover, type HandoverResult } from '../../handover/handover.js';
import { ModelCache } from '../../model/model-cache.js';
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
export async function runHandover(config: Config, options: HandoverOptions): Promise<void> {
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error('no model is published yet: run `lodestar migrate` first');
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
    printResult(result, options);
  });
}

function printResult(result: HandoverResult, options: HandoverOptions): void {
  const rows: [string, string][] = [
    ['entity', 'records'],
    ...Object.entries(result.moved).map(([entity, n]): [string, string] => [entity, String(n)]),
    ['total', String(result.total)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const scope = options.openOnly ? 'open records' : 'records';
  console.log(
    result.dryRun
      ? `Dry run: ${options.from} owns these ${scope}; nothing was changed.`
      : `Handed over ${scope} from ${options.from} to ${options.to}:`,
  );
  for (const [name, n] of rows) console.log(`  ${name.padEnd(width)}  ${n.padStart(7)}`);
}
