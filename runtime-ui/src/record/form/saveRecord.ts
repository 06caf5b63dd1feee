import { ApiError, getJson, sendJson, type ApiIssue, type Lang } from '@lodestar/ui-shared';
import type { ErrorSchema } from '@rjsf/utils';
import type { RecordJson } from '../../model/types';
import { fieldOfPointer, issueText } from './issues';
import { RECORD_MESSAGES } from '../messages';
import { mergeEdits, type Merge } from './merge-edits';
import { toFormData, type FormData } from './values';

export type SaveOutcome =
  | { kind: 'saved'; record: RecordJson }
  | { kind: 'invalid'; fieldErrors: ErrorSchema; general: string[]; issues?: ApiIssue[] }
  | { kind: 'conflict' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string };

/** POSTs a new record or PATCHes the changed fields at the version the form was loaded at. */
export async function saveRecord(
  entity: string,
  target: { id: string; version: number } | undefined,
  body: FormData,
  fields: string[],
  titles: (field: string) => string,
  lang: Lang,
): Promise<SaveOutcome> {
  const base = `/api/v1/records/${encodeURIComponent(entity)}`;
  try {
    const record = target
      ? await sendJson<RecordJson>('PATCH', `${base}/${encodeURIComponent(target.id)}`, {
          ...body,
          version: target.version,
        })
      : await sendJson<RecordJson>('POST', base, body);
    return { kind: 'saved', record };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'failed', message: (error as Error).message };
    // A unique key's 409 names its fields: shown on them, unlike a version conflict.
    if (error.status === 409 && error.issues.some((issue) => issue.keyword === 'unique'))
      return toInvalid(error, fields, titles, lang);
    if (error.status === 409 || error.status === 412) return { kind: 'conflict' };
    // A "view as" preview refuses every save: the engine's words say so (not "outside your scope").
    if (error.status === 403 && (error.problem as { preview?: string }).preview === 'readOnly')
      return { kind: 'failed', message: error.message };
    if (error.status === 403) return { kind: 'forbidden' };
    // The issues themselves too: a line item grid shows those under its lists on their cells.
    if (error.status === 422 || error.status === 400)
      return { ...toInvalid(error, fields, titles, lang), issues: error.issues };
    return { kind: 'failed', message: error.message };
  }
}

/**
 * After a 409 on a PATCH: the record as it is now, and how the user's patch meets what changed meanwhile
 * (see merge-edits.ts), with the version to save at. Undefined when the record cannot be read any more.
 */
export async function mergeWithLatest(
  entity: string,
  id: string,
  mine: FormData,
  loaded: FormData,
  fields: string[],
): Promise<(Merge & { version: number }) | undefined> {
  const path = `/api/v1/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`;
  const latest = await getJson<RecordJson>(path).catch(() => undefined);
  if (!latest) return undefined;
  return { ...mergeEdits(mine, loaded, toFormData(latest, fields), fields), version: Number(latest.version) };
}

/** Issues naming a form field land under it; the rest (and unknown fields) go to the banner. */
export function toInvalid(
  error: ApiError,
  fields: string[],
  titles: (field: string) => string,
  lang: Lang,
): Extract<SaveOutcome, { kind: 'invalid' }> {
  const fieldErrors: Record<string, { __errors: string[] }> = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    const missing =
      issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string'
        ? issue.params.missingProperty
        : undefined;
    const field = missing ?? fieldOfPointer(issue.pointer);
    const text = issueText(issue, lang);
    if (field && fields.includes(field)) (fieldErrors[field] ??= { __errors: [] }).__errors.push(text);
    else
      general.push(
        field && issue.keyword !== 'additionalProperties'
          ? RECORD_MESSAGES[lang].fieldLabel(titles(field), text)
          : text,
      );
  }
  if (!error.issues.length) general.push(error.message);
  return { kind: 'invalid', fieldErrors: fieldErrors as ErrorSchema, general };
}
