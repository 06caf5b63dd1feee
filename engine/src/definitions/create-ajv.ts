import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats' default export sits under `.default` when imported from NodeNext ESM.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

/** Phone numbers as people type them: digits with spaces, dashes, dots, parentheses, an optional + and extension. */
const PHONE = /^\+?[0-9][0-9 ()\-.]{3,30}(?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$/;

/** Annotation keywords of our vocabulary: carried in definitions, meaningless to validation. */
const ANNOTATIONS = ['x-entity', 'x-relation', 'x-currency', 'x-multiline', 'x-renamedFrom', 'x-i18n', 'x-ui'];

/**
 * The one place that builds an ajv instance: draft 2020-12, strict, every error collected,
 * our formats and `x-` keywords registered so strict mode accepts them.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat('phone', PHONE);
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  ajv.addKeyword({
    keyword: 'x-scale',
    type: 'number',
    schemaType: 'number',
    error: { message: (cxt) => `must have at most ${String(cxt.schema)} decimal places` },
    validate: (scale: number, value: number) => hasAtMostDecimals(value, scale),
  });
  return ajv;
}

function hasAtMostDecimals(value: number, scale: number): boolean {
  // Count digits in the shortest decimal text of the number: multiplying by 10^scale drifts for
  // large amounts (9939013965.47 * 100 is not an integer in floating point).
  const text = String(value);
  if (/e/i.test(text)) return Number.isInteger(value) || Number(value.toFixed(scale)) === value;
  const point = text.indexOf('.');
  return point === -1 || text.length - point - 1 <= scale;
}
