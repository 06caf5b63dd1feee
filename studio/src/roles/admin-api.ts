import { ApiError, initialLang, type ResponseOf } from '@lodestar/ui-shared';

/** `GET /admin/org-units` rows, as the engine's contract types them. */
export type OrgUnit = ResponseOf<'/admin/org-units', 'get'>['data'][number];

/** `GET /admin/users` rows: a user with the time their sign-in is throttled until (null when it is not). */
export type User = ResponseOf<'/admin/users', 'get'>['data'][number];

/** Units in tree order, siblings by name (the path of ids, read as names), each with its depth. */
export function unitTree(units: OrgUnit[]): (OrgUnit & { depth: number })[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const ids = (unit: OrgUnit) => unit.path.split('/').filter(Boolean);
  const key = (unit: OrgUnit) =>
    ids(unit)
      .map((id) => byId.get(id)?.name ?? id)
      .join('\u0000');
  return [...units]
    .sort((a, b) => key(a).localeCompare(key(b)))
    .map((unit) => ({ ...unit, depth: ids(unit).length - 1 }));
}

/** Issues the engine words as a whole sentence naming what is at fault: shown without their pointer. */
const WHOLE_SENTENCES = new Set(['managerCycle', 'orgUnitCycle', 'invite']);

/**
 * An API failure in one line: each issue in the user's language when the engine worded it so (a manager
 * loop names both people), else with its pointer (`/password must be at least 10 characters`).
 */
export function failureText(error: unknown): string {
  if (error instanceof ApiError && error.issues.length)
    return error.issues
      .map((issue) => {
        const worded = issue.i18n?.[initialLang()] ?? issue.message;
        return WHOLE_SENTENCES.has(issue.keyword) ? worded : `${issue.pointer} ${worded}`;
      })
      .join('; ');
  return (error as Error).message;
}
