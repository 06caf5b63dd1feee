import type { RollupSpec } from '../schema/table-spec.js';

/**
 * A roll-up's filter as SQL over a row alias. Filters are written in the formula language; until its
 * compiler exists, validation refuses `where` (validate-rollups.ts), so no roll-up reaching here has one.
 */
export function rollupWhere(rollup: RollupSpec): ((alias: string) => string) | undefined {
  if (rollup.where === undefined) return undefined;
  throw new Error(`roll-up ${rollup.name}: filters are not supported yet`);
}
