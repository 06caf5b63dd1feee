import { api, ApiError, type BodyOf } from '@lodestar/ui-shared';
import type { Issue as DefinitionIssue, WordedPlan as Plan } from '@lodestar/core';

type TemplateId = { name: string; version: string };

/**
 * `POST /meta/template/install` with a template file as the admin chose it: the engine judges every part of
 * it (422 naming file and pointer), so the document goes as read.
 */
const installing = (document: Record<string, unknown>, options: { dryRun?: true; confirmDestructive?: boolean }) =>
  api('post', '/meta/template/install', {
    body: { ...document, ...options } as BodyOf<'/meta/template/install', 'post'>,
  });

/** Where an install stands: each answer of the engine, or the problem before it could answer. */
export type InstallState =
  | { status: 'idle' | 'checking' }
  | { status: 'invalid'; issues: DefinitionIssue[] }
  | { status: 'failed'; message: string; issues: DefinitionIssue[] }
  | { status: 'unchanged'; version: number }
  | { status: 'planned'; plan: Plan; template: TemplateId; previous?: TemplateId; document: Record<string, unknown> }
  | { status: 'installed'; version: number };

/** Reads the chosen file; a file that is not JSON is an issue of its own, as the engine would name it. */
export async function readTemplateFile(file: File): Promise<Record<string, unknown> | DefinitionIssue[]> {
  try {
    const value: unknown = JSON.parse(await file.text());
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  return [{ file: file.name, pointer: '', keyword: 'json', message: 'not a JSON object' }];
}

/** The dry run: every issue (422), the plan, or "already published". Nothing changes either way. */
export async function dryRun(document: Record<string, unknown>): Promise<InstallState> {
  try {
    const answer = await installing(document, { dryRun: true });
    if (answer.status === 'planned')
      return {
        status: 'planned',
        plan: answer.plan,
        template: answer.template,
        ...(answer.previous && { previous: answer.previous }),
        document,
      };
    if (answer.status === 'unchanged') return { status: 'unchanged', version: answer.version };
    return { status: 'installed', version: answer.version };
  } catch (error) {
    return failure(error, true);
  }
}

/** The real install (the engine plans again, so a change meanwhile cannot slip through). */
export async function install(document: Record<string, unknown>, confirmDestructive: boolean): Promise<InstallState> {
  try {
    const answer = await installing(document, { confirmDestructive });
    return answer.status === 'planned'
      ? { status: 'failed', message: 'not installed', issues: [] }
      : { status: 'installed', version: answer.version };
  } catch (error) {
    return failure(error, false);
  }
}

function failure(error: unknown, dry: boolean): InstallState {
  const issues = (error instanceof ApiError ? error.issues : []) as DefinitionIssue[];
  if (dry && error instanceof ApiError && error.status === 422 && issues.length) return { status: 'invalid', issues };
  return { status: 'failed', message: (error as Error).message, issues };
}
