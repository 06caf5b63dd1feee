import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isTimeZone } from '../../agenda/day.js';
import { ValidationError } from '../../errors.js';
import { summarize, toContractIssues } from './issue-text.js';

const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

/**
 * Contract keywords beyond JSON Schema, kept few: each reports under the keyword a client already knows.
 * `x-notBlank` (a string holding more than blanks: `minLength`), `x-maxJsonBytes` (a value's size as
 * UTF-8 JSON: `maxSize`), `x-timeZone` (an IANA zone name: `timeZone`).
 */
function createContractAjv(options: { coerceTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, ...options });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'x-notBlank',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function notBlank(wanted: boolean, value: string) {
      // An empty text is `minLength`'s to report; this one catches blanks only.
      const ok = !wanted || value.length === 0 || value.trim().length > 0;
      (notBlank as { errors?: unknown[] }).errors = ok
        ? []
        : [{ keyword: 'minLength', message: 'must not be blank', params: { limit: 1 } }];
      return ok;
    },
  });
  ajv.addKeyword({
    keyword: 'x-maxJsonBytes',
    schemaType: 'number',
    errors: true,
    validate: function maxJsonBytes(limit: number, value: unknown) {
      const ok = Buffer.byteLength(JSON.stringify(value) ?? '') <= limit;
      (maxJsonBytes as { errors?: unknown[] }).errors = ok
        ? []
        : [{ keyword: 'maxSize', message: `must be at most ${limit} bytes as JSON`, params: { limit } }];
      return ok;
    },
  });
  ajv.addKeyword({
    keyword: 'x-timeZone',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function timeZone(wanted: boolean, value: string) {
      const ok = !wanted || isTimeZone(value);
      (timeZone as { errors?: unknown[] }).errors = ok
        ? []
        : [{ keyword: 'timeZone', message: 'must be an IANA time zone name', params: {} }];
      return ok;
    },
  });
  return ajv;
}

// Compiled once per route when the routers are built (start-up), never per request.
export const bodies = createContractAjv();
// Query strings carry text: `limit=3` is read as the integer its schema declares.
export const queries = createContractAjv({ coerceTypes: true });
const compiled = new WeakMap<object, ValidateFunction>();

export function compile(ajv: Ajv2020, schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
}

/** A body against its contract schema: 422 naming every failing member, in both languages. */
export function checkBody(schema: object, body: unknown): void {
  const validate = compile(bodies, schema);
  if (validate(body)) return;
  const issues = toContractIssues(validate.errors);
  throw new ValidationError(summarize(issues), { issues });
}
