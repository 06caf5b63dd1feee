import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldDefinition } from './entity.js';
import { compileCheckRuleErrors } from './check-rules.js';
import { blankFields, compileRules, type RecordRule } from './record-rules.js';
import { isStorableDate, isStorableDateTime } from './timestamp.js';

// ajv-formats' default export sits under `.default` when imported from NodeNext ESM.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

/** Phone numbers as people type them: digits with spaces, dashes, dots, parentheses, an optional + and extension. */
const PHONE = /^\+?[0-9][0-9 ()\-.]{3,30}(?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$/;

/** Annotation keywords of our vocabulary: carried in definitions, meaningless to validation. */
const ANNOTATIONS = [
  'x-entity',
  'x-relation',
  'x-user',
  'x-currency',
  'x-multiline',
  'x-renamedFrom',
  'x-i18n',
  'x-ui',
  'x-recordType',
  'x-sequence',
  'x-rollup',
  'x-formula',
];

/**
 * The one place that builds an ajv instance: draft 2020-12, strict, every error collected,
 * our formats and `x-` keywords registered so strict mode accepts them.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat('phone', PHONE);
  // Dates and times as PostgreSQL stores them (no year 0, offsets within ±15:59): a 422, never a 22009.
  ajv.addFormat('date', isStorableDate);
  ajv.addFormat('date-time', isStorableDateTime);
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  ajv.addKeyword({
    keyword: 'x-scale',
    type: 'number',
    schemaType: 'number',
    error: { message: (cxt) => `must have at most ${String(cxt.schema)} decimal places` },
    validate: (scale: number, value: number) => hasAtMostDecimals(value, scale),
  });
  addRecordKeywords(ajv);
  return ajv;
}

type RecordSchema = { properties?: Record<string, FieldDefinition>; 'x-recordType'?: string };

/**
 * The record-level keywords: `x-rules` (cross-field rules, see record-rules.ts) and `x-nonBlank`
 * (required text that must hold more than blanks). Each error lands on its field's pointer.
 */
function addRecordKeywords(ajv: Ajv2020): void {
  ajv.addKeyword({
    keyword: 'x-rules',
    type: 'object',
    schemaType: 'array',
    errors: true,
    compile(rules: RecordRule[], parent) {
      const schema = parent as RecordSchema;
      const check = compileRules(
        rules.filter((rule) => rule.rule !== undefined),
        schema.properties ?? {},
      );
      // Rules written as formulas (check-rules.ts); the effective schema names its record type.
      const formulas = compileCheckRuleErrors(rules, schema.properties ?? {}, schema['x-recordType']);
      const validate = (record: Record<string, unknown>): boolean => {
        const errors = [...check(record), ...formulas(record)];
        validate.errors = errors;
        return errors.length === 0;
      };
      validate.errors = [] as unknown[];
      return validate as never;
    },
  });
  ajv.addKeyword({
    keyword: 'x-nonBlank',
    type: 'object',
    schemaType: 'array',
    errors: true,
    compile(names: string[]) {
      const validate = (record: Record<string, unknown>): boolean => {
        validate.errors = blankFields(names, record).map((name) => ({
          instancePath: '',
          keyword: 'required',
          message: `must have required property '${name}'`,
          params: { missingProperty: name, blank: true },
        }));
        return validate.errors.length === 0;
      };
      validate.errors = [] as unknown[];
      return validate as never;
    },
  });
}

function hasAtMostDecimals(value: number, scale: number): boolean {
  // Count digits in the shortest decimal text of the number: multiplying by 10^scale drifts for
  // large amounts (9939013965.47 * 100 is not an integer in floating point).
  const text = String(value);
  if (/e/i.test(text)) return Number.isInteger(value) || Number(value.toFixed(scale)) === value;
  const point = text.indexOf('.');
  return point === -1 || text.length - point - 1 <= scale;
}
