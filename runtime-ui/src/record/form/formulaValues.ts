import { useEffect, useMemo, useState } from 'react';
import {
  checkFormula,
  evaluateFormula,
  FORMULA_TIME_ZONE,
  formulaDecimal,
  parseFormula,
  type EntityDefinition,
  type Expr,
  type FieldDefinition,
  type FieldPath,
  type FormulaType,
} from '@lodestar/core';
import { getJson } from '@lodestar/ui-shared';
import type { RecordJson } from '../../model/types';
import type { FormData } from './values';

/**
 * Formula fields in the form: each value is computed live with the engine's own evaluator as the user
 * types, from the form's values and, across a relation (`customer.level`), from the related record as
 * the API answers it. The engine computes and stores the same value; the form only shows it.
 */

export interface FormFormula {
  name: string;
  expr: Expr;
  /** Decimal places the stored value keeps (money: x-scale, integer: 0); undefined: as computed. */
  scale?: number;
  /** The many-to-one fields whose related records it reads. */
  hops: string[];
}

export function isFormulaField(field: FieldDefinition | undefined): boolean {
  return typeof field?.['x-formula'] === 'string';
}

const TYPE_OF_KIND = (field: FieldDefinition): FormulaType | undefined => {
  if (field.type === 'number' || field.type === 'integer') return 'number';
  if (field.type === 'boolean') return 'boolean';
  if (field.type !== 'string') return undefined;
  if (field.format === 'date') return 'date';
  if (field.format === 'date-time') return 'dateTime';
  return 'text';
};

/** The entity's formula fields that parse and check, in definition order. */
export function formFormulas(
  entity: EntityDefinition,
  related: (id: string) => EntityDefinition | undefined,
): FormFormula[] {
  const formulas: FormFormula[] = [];
  for (const [name, field] of Object.entries(entity.properties)) {
    if (!isFormulaField(field)) continue;
    const parsed = parseFormula(field['x-formula']!);
    if (!parsed.expr) continue;
    const checked = checkFormula(parsed.expr, {
      typeOf(path) {
        const [first, second] = path;
        const own = entity.properties[first!];
        if (path.length === 1)
          return own ? TYPE_OF_KIND(own) : first === 'created_at' || first === 'updated_at' ? 'dateTime' : undefined;
        const target = own?.['x-relation'] && own.type === 'string' ? related(own['x-relation'].entity) : undefined;
        const field = target?.properties[second!];
        return field ? TYPE_OF_KIND(field) : undefined;
      },
    });
    if (checked.issues.length) continue;
    const scale =
      field.type === 'integer' ? 0 : field['x-currency'] !== undefined ? (field['x-scale'] ?? 2) : undefined;
    const hops = [...new Set(checked.refs.filter((ref) => ref.length === 2).map((ref) => ref[0]!))];
    formulas.push({ name, expr: parsed.expr, ...(scale !== undefined && { scale }), hops });
  }
  return formulas;
}

/**
 * The form's values with every formula computed: own fields from `data` (other formulas first, in order),
 * relation hops from the loaded related records; a hop whose record is not loaded yet shows the stored value.
 */
export function withFormulaValues(
  formulas: FormFormula[],
  data: FormData,
  stored: RecordJson | undefined,
  relatedRecords: ReadonlyMap<string, RecordJson>,
  formFields: readonly string[],
  now: Date,
): FormData {
  if (!formulas.length) return data;
  const out: FormData = { ...data };
  for (const formula of formulas) {
    const missing = formula.hops.some((hop) => out[hop] && !relatedRecords.has(String(out[hop])));
    if (missing) {
      out[formula.name] = stored?.[formula.name] ?? undefined;
      continue;
    }
    const value = evaluateFormula(
      formula.expr,
      (path: FieldPath) => {
        const name = path[0]!;
        // A field the form shows is what the user typed (absent: empty); any other is the stored value.
        if (path.length === 1) return (formFields.includes(name) ? out[name] : stored?.[name]) ?? null;
        const id = out[name];
        return id ? (relatedRecords.get(String(id))?.[path[1]!] ?? null) : null;
      },
      { now, timeZone: FORMULA_TIME_ZONE },
    );
    out[formula.name] = roundedTo(value, formula.scale) ?? undefined;
  }
  return out;
}

/** Rounded as PostgreSQL casts to numeric(p, scale): halves away from zero. */
function roundedTo(value: unknown, scale: number | undefined): unknown {
  if (typeof value !== 'number' || scale === undefined) return value;
  const decimal = formulaDecimal.fromNumber(value);
  return decimal ? formulaDecimal.toNumber(formulaDecimal.round(decimal, scale)) : value;
}

/** The related records the formulas hop into, loaded whenever a relation field names another record. */
export function useRelatedRecords(
  entity: EntityDefinition,
  formulas: FormFormula[],
  data: FormData,
): ReadonlyMap<string, RecordJson> {
  const [records, setRecords] = useState<ReadonlyMap<string, RecordJson>>(new Map());
  const wanted = useMemo(() => {
    const ids: [string, string][] = [];
    for (const hop of new Set(formulas.flatMap((f) => f.hops))) {
      const target = entity.properties[hop]?.['x-relation']?.entity;
      const id = data[hop];
      if (target && typeof id === 'string' && id) ids.push([target, id]);
    }
    return ids;
  }, [entity, formulas, data]);
  const key = wanted.map(([target, id]) => `${target}/${id}`).join(',');
  useEffect(() => {
    const missing = wanted.filter(([, id]) => !records.has(id));
    if (!missing.length) return;
    const controller = new AbortController();
    Promise.all(
      missing.map(([target, id]) =>
        getJson<RecordJson>(
          `/api/v1/records/${encodeURIComponent(target)}/${encodeURIComponent(id)}`,
          controller.signal,
        ).catch(() => undefined),
      ),
    ).then((found) => {
      if (controller.signal.aborted) return;
      setRecords((before) => {
        const next = new Map(before);
        for (const record of found) if (record) next.set(record.id, record);
        return next;
      });
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names exactly the records wanted
  }, [key]);
  return records;
}

/** The form model with every formula field read-only: shown and computed, never typed. */
export function withFormulasReadOnly<M extends { uiSchema: Record<string, unknown> }>(
  model: M,
  entity: EntityDefinition,
): M {
  const names = Object.keys(entity.properties).filter((name) => isFormulaField(entity.properties[name]));
  if (!names.some((name) => name in model.uiSchema)) return model;
  const uiSchema = { ...model.uiSchema };
  for (const name of names) if (uiSchema[name]) uiSchema[name] = { ...(uiSchema[name] as object), 'ui:readonly': true };
  return { ...model, uiSchema };
}
