import {
  toErrorSchema,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { UUID_RE } from '@lodestar/core';
import { checkRuleErrors } from './checkRules';

/*
 * The form's own checks, without ajv. ajv compiles schemas to JavaScript with `new Function`, which the
 * engine's Content-Security-Policy (no 'unsafe-eval') rightly forbids; and the forms it gets are flat
 * (formSchema.ts: one level of fields, arrays of plain items), so an interpreter of the keywords they
 * use is small. The server stays the judge of everything, phone formats and cross-field rules included:
 * this only saves a round trip. Rules written as formulas run here too (checkRules.ts: core's evaluator). Errors carry ajv's keyword names and params, so issues.ts words them
 * the same way as the server's.
 */

type Schema = RJSFSchema & Record<string, unknown>;
type Check = { keyword: string; params: Record<string, unknown> };

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\/\/\S+$/i,
  uuid: UUID_RE,
};

/** The first rule `value` breaks (undefined: none). */
export function checkValue(schema: Schema, value: unknown): Check | undefined {
  if (value === undefined || value === null) return undefined;
  const type = schema.type;
  if (type === 'integer' && !(typeof value === 'number' && Number.isInteger(value)))
    return { keyword: 'type', params: { type } };
  if (type === 'number' && typeof value !== 'number') return { keyword: 'type', params: { type } };
  if (type === 'string' && typeof value !== 'string') return { keyword: 'type', params: { type } };
  if (type === 'boolean' && typeof value !== 'boolean') return { keyword: 'type', params: { type } };
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never))
    return { keyword: 'enum', params: { allowedValues: schema.enum } };
  if (typeof value === 'string') return checkText(schema, value);
  if (typeof value === 'number') return checkNumber(schema, value);
  if (Array.isArray(value)) return checkList(schema, value);
  return undefined;
}

function checkText(schema: Schema, value: string): Check | undefined {
  const length = Array.from(value).length; // code points, as JSON Schema counts
  if (typeof schema.minLength === 'number' && length < schema.minLength)
    return { keyword: 'minLength', params: { limit: schema.minLength } };
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    return { keyword: 'maxLength', params: { limit: schema.maxLength } };
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    return { keyword: 'pattern', params: { pattern: schema.pattern } };
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format && !format.test(value)) return { keyword: 'format', params: { format: schema.format } };
  return undefined;
}

function checkNumber(schema: Schema, value: number): Check | undefined {
  if (typeof schema.minimum === 'number' && value < schema.minimum)
    return { keyword: 'minimum', params: { comparison: '>=', limit: schema.minimum } };
  if (typeof schema.maximum === 'number' && value > schema.maximum)
    return { keyword: 'maximum', params: { comparison: '<=', limit: schema.maximum } };
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
    return { keyword: 'exclusiveMinimum', params: { comparison: '>', limit: schema.exclusiveMinimum } };
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
    return { keyword: 'exclusiveMaximum', params: { comparison: '<', limit: schema.exclusiveMaximum } };
  if (
    typeof schema.multipleOf === 'number' &&
    Math.abs(value / schema.multipleOf - Math.round(value / schema.multipleOf)) > 1e-9
  )
    return { keyword: 'multipleOf', params: { multipleOf: schema.multipleOf } };
  return undefined;
}

function checkList(schema: Schema, value: unknown[]): Check | undefined {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems)
    return { keyword: 'minItems', params: { limit: schema.minItems } };
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
    return { keyword: 'maxItems', params: { limit: schema.maxItems } };
  if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
    return { keyword: 'uniqueItems', params: {} };
  const items = schema.items as Schema | undefined;
  if (items)
    for (const item of value) {
      const broken = checkValue(items, item);
      if (broken) return broken;
    }
  return undefined;
}

/** Every field of a flat object schema that breaks a rule, as rjsf's validation errors. */
export function validateFlat(schema: Schema, data: unknown): RJSFValidationError[] {
  const record = (data ?? {}) as Record<string, unknown>;
  const errors: RJSFValidationError[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const add = (field: string, { keyword, params }: Check) =>
    errors.push({
      name: keyword,
      property: `.${field}`,
      params,
      message: keyword,
      stack: `.${field} ${keyword}`,
      schemaPath: `#/properties/${field}/${keyword}`,
    });
  for (const field of (schema.required ?? []) as string[]) {
    const value = record[field];
    if (value === undefined || value === null || value === '')
      add(field, { keyword: 'required', params: { missingProperty: field } });
  }
  for (const [field, fieldSchema] of Object.entries(properties)) {
    if (errors.some((e) => e.property === `.${field}`)) continue;
    const broken = checkValue(fieldSchema, record[field]);
    if (broken) add(field, broken);
  }
  // Cross-field rules written as formulas, on fields without an error of their own.
  for (const error of checkRuleErrors(schema, record))
    if (!errors.some((e) => e.property === error.property)) errors.push(error);
  return errors;
}

/** rjsf's validator interface over validateFlat. */
export const flatValidator: ValidatorType = {
  validateFormData(formData, schema, _customValidate, transformErrors?: ErrorTransformer): ValidationData<unknown> {
    let errors = validateFlat(schema as Schema, formData);
    if (transformErrors) errors = transformErrors(errors);
    return { errors, errorSchema: toErrorSchema(errors) };
  },
  isValid: (schema, formData) => validateFlat(schema as Schema, formData).length === 0,
  rawValidation: (schema, formData) => ({ errors: validateFlat(schema as Schema, formData) as never[] }),
};
