import type { InstallAnswer, Issue as DefinitionIssue, WordedPlan as Plan } from '@lodestar/core';
import { ApiError, sendJson } from '@lodestar/ui-shared';

type TemplateId = { name: string; version: string };

/** One shipped template's install: idle, its dry run (issues or plan), then the install's outcome. */
export type GalleryInstall =
  | { status: 'checking' }
  | { status: 'invalid'; issues: DefinitionIssue[] }
  | { status: 'failed'; message: string }
  | { status: 'unchanged'; version: number }
  | { status: 'planned'; plan: Plan; template: TemplateId; previous?: TemplateId }
  | { status: 'installed'; version: number };

const installUrl = (folder: string) => `/api/v1/meta/templates/shipped/${encodeURIComponent(folder)}/install`;

/** The dry run of a shipped template: the engine reads it from templates/ and judges it against the model. */
export async function dryRunShipped(folder: string): Promise<GalleryInstall> {
  try {
    return fromAnswer(await sendJson<InstallAnswer>('POST', installUrl(folder), { dryRun: true }));
  } catch (error) {
    const issues = (error instanceof ApiError ? error.issues : []) as DefinitionIssue[];
    if (error instanceof ApiError && error.status === 422 && issues.length) return { status: 'invalid', issues };
    return { status: 'failed', message: (error as Error).message };
  }
}

/** The install itself (planned again by the engine, so a change meanwhile cannot slip through). */
export async function installShipped(folder: string, confirmDestructive: boolean): Promise<GalleryInstall> {
  try {
    return fromAnswer(await sendJson<InstallAnswer>('POST', installUrl(folder), { confirmDestructive }));
  } catch (error) {
    return { status: 'failed', message: (error as Error).message };
  }
}

function fromAnswer(answer: InstallAnswer): GalleryInstall {
  if (answer.status === 'planned')
    return {
      status: 'planned',
      plan: answer.plan,
      template: answer.template,
      ...(answer.previous && { previous: answer.previous }),
    };
  if (answer.status === 'unchanged') return { status: 'unchanged', version: answer.version };
  return { status: 'installed', version: answer.version };
}
