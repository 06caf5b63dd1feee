/**
 * Postgres text values → JS values, the same on node-postgres and PGlite, so the API answers alike on both:
 * bigint and numeric as numbers (counts and money amounts fit in a double for a CRM), dates as 'YYYY-MM-DD'.
 */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: (value) => Number(value),
  [TYPE_OIDS.numeric]: (value) => Number(value),
  [TYPE_OIDS.date]: (value) => value,
};
