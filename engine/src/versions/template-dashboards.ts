import type { DashboardDefinition } from '@lodestar/core';
import {
  DASHBOARD_SUFFIX,
  dashboardSourceKey,
  type DefinitionSet,
  type SourceFiles,
} from '../definitions/definition-set.js';
import type { Issue } from '../errors.js';

/** A set's dashboards as a template document holds them: file name (`sales.dashboard.json`) → definition. */
export function dashboardsOfSet(set: DefinitionSet): Record<string, DashboardDefinition> | undefined {
  if (!set.dashboards?.length) return undefined;
  return Object.fromEntries(set.dashboards.map((d) => [`${d.id}${DASHBOARD_SUFFIX}`, d]));
}

/**
 * `dashboards` of a template document: file name → dashboard, each name checked against its id as the folder
 * reader does, and each file recorded in `files` so issues name `dashboards/<id>.dashboard.json`.
 */
export function dashboardsOfTemplate(value: unknown, files: SourceFiles, issues: Issue[]): DashboardDefinition[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({
      pointer: '/dashboards',
      keyword: 'type',
      message: 'dashboards must be an object of file name → dashboard',
    });
    return [];
  }
  const out: DashboardDefinition[] = [];
  for (const [name, definition] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
    const file = `dashboards/${name}`;
    if (!name.endsWith(DASHBOARD_SUFFIX) || name.includes('/')) {
      issues.push({
        file,
        pointer: '',
        keyword: 'fileName',
        message: `a file under dashboards/ must be named <id>${DASHBOARD_SUFFIX}`,
      });
      continue;
    }
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      issues.push({ file, pointer: '', keyword: 'type', message: 'must be a JSON object' });
      continue;
    }
    const dashboard = definition as DashboardDefinition;
    const stem = name.slice(0, -DASHBOARD_SUFFIX.length);
    files[dashboardSourceKey(String(dashboard.id))] = file;
    if (dashboard.id !== stem)
      issues.push({
        file,
        pointer: '/id',
        keyword: 'fileName',
        message: `id "${String(dashboard.id)}" must equal the file name "${stem}"`,
      });
    out.push(dashboard);
  }
  return out;
}
