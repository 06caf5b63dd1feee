import type { Expr } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import { compileFormulaFields, formulaSql } from './formula-fields.js';
import type { ColumnSpec } from './table-spec.js';

/** What the records code needs of one formula field. */
export interface CompiledFormula {
  source: string;
  expr?: Expr;
  stored: boolean;
  /** The column lists, filters and sorts name: the generated column when stored, else a computed one of the same type. */
  column: ColumnSpec;
  /** The value's SQL over the row aliased `t`, for formulas computed at read time. */
  readSql?: string;
}

/** Entity id → field name → compiled formula, for every formula of a (valid) definition set. */
export function compiledFormulas(definitions: readonly EntityDefinition[]): Map<string, Map<string, CompiledFormula>> {
  const fields = compileFormulaFields(definitions);
  const entities = new Map(definitions.map((e) => [e.$id, e]));
  const result = new Map<string, Map<string, CompiledFormula>>();
  for (const [entity, own] of fields) {
    const compiled = new Map<string, CompiledFormula>();
    for (const formula of own.values()) {
      const column: ColumnSpec = { name: formula.name, type: formula.type, nullable: true };
      compiled.set(formula.name, {
        source: formula.source,
        ...(formula.expr && { expr: formula.expr }),
        stored: formula.stored,
        column,
        ...(!formula.stored && { readSql: formulaSql(fields, entities, formula, 't') }),
      });
    }
    result.set(entity, compiled);
  }
  return result;
}
