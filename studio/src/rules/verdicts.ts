import { checkFormula, checkRuleIssues, formulaTypeOfField, parseFormula, type EntityDefinition } from '@lodestar/core';
import type { FormulaVerdict } from './RuleBuilder';

/**
 * A workflow condition's verdict, as the engine checks `condition` guards: the record's fields, its owner
 * (`owner_id`) and one many-to-one hop to a parent's (the engine computes it in SQL). ME() only with `actor`
 * (a guard, where a user sends the event).
 */
export function conditionVerdict(
  entity: EntityDefinition | undefined,
  entities: readonly EntityDefinition[],
  { actor = false }: { actor?: boolean } = {},
): FormulaVerdict {
  return (source) => {
    const parsed = parseFormula(source);
    if (!parsed.expr) return { issues: parsed.issues };
    const checked = checkFormula(parsed.expr, {
      actor,
      typeOf: (path) => {
        if (path.length === 1 && path[0] === 'owner_id') return 'text';
        const own = entity && Object.hasOwn(entity.properties, path[0]!) ? entity.properties[path[0]!] : undefined;
        if (path.length === 1) return formulaTypeOfField(own);
        const target = own?.['x-relation'] && own.type === 'string' ? own['x-relation'].entity : undefined;
        return formulaTypeOfField(entities.find((e) => e.$id === target)?.properties[path[1]!]);
      },
    });
    return { issues: checked.issues, type: checked.type };
  };
}

/** A cross-field rule's verdict: the engine's own rule check (own fields and recordType, yes/no). */
export function recordRuleVerdict(entity: EntityDefinition): FormulaVerdict {
  return (source) => ({ issues: checkRuleIssues({ check: source, field: '' }, entity.properties) });
}
