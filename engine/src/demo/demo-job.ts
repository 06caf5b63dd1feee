import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { LodestarError, type Text } from '../errors.js';
import type { Model } from '../model/compile-model.js';
import { gateTemplateInstall } from '../reviews/review-gate.js';
import { installTemplate } from '../versions/install-template.js';
import { readShipped } from '../versions/shipped-templates.js';
import { DEMO_PASSWORD, loadInstalledDemo } from './load-installed.js';
import { readPreset } from './presets.js';

/**
 * The first run's sample company as one job on the server: the templates of a preset installed one by one
 * through the gallery's installer (each planned and published, in dependency order), then the sample data of
 * everything installed. The job answers at once and is read back while it runs, so the page shows each step.
 */
export type StepStatus = 'waiting' | 'running' | 'done' | 'failed';

export interface DemoJobStep {
  kind: 'install' | 'demo';
  /** The shipped template's folder (installs only). */
  template?: string;
  title: Text;
  status: StepStatus;
  /** Installs: the model version published, or the one already holding the template. */
  version?: number;
  /** The demo step: files loaded so far of how many. */
  done?: number;
  total?: number;
}

export interface DemoJob {
  id: string;
  preset: string | null;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt?: string;
  seconds?: number;
  /** 0–100, from the steps done and the demo files loaded. */
  percent: number;
  steps: DemoJobStep[];
  /** Why the failed step failed, in both languages. */
  error?: Text;
  result?: {
    counts: Record<string, number>;
    events: number;
    refused: number;
    users: { email: string; name: string; roles: string[] }[];
    password: string;
  };
}

export interface DemoJobDeps {
  knex: Knex;
  definitionsDir: string | undefined;
  clock: () => Date;
  /** The published model now, and a reload of it after a publish. */
  currentModel: () => Model;
  refreshModel: () => Promise<unknown>;
  publishedBy: string | null;
}

const LOAD_TITLE: Text = { zh: '加载示例数据', en: 'Load sample data' };
/** The sample data take most of the time (about a minute against seconds per install). */
const DEMO_WEIGHT = 4;

/** The steps of a preset (read and ordered before anything runs, so a bad preset changes nothing). */
export function planDemoJob(definitionsDir: string | undefined, preset: string | null): DemoJob {
  const templates = preset ? readPreset(definitionsDir, preset).templates : [];
  return {
    id: randomUUID(),
    preset,
    status: 'running',
    startedAt: new Date().toISOString(),
    percent: 0,
    steps: [
      ...templates.map((t): DemoJobStep => ({
        kind: 'install',
        template: t.folder,
        title: t.title,
        status: 'waiting',
      })),
      { kind: 'demo', title: LOAD_TITLE, status: 'waiting' },
    ],
  };
}

/** Runs a planned job to its end, updating it in place; never throws (a failure is the job's state). */
export async function runDemoJob(job: DemoJob, deps: DemoJobDeps): Promise<void> {
  const started = Date.now();
  /** How much of the sample data file being loaded is done (0–1). */
  let fileShare = 0;
  const update = () => {
    job.percent = percentOf(job.steps, fileShare);
  };
  let current: DemoJobStep | undefined;
  try {
    for (const step of job.steps) {
      current = step;
      step.status = 'running';
      update();
      if (step.kind === 'install') {
        const source = await readShipped(deps.definitionsDir, step.template!);
        const options = {
          publishedBy: deps.publishedBy,
          ...(deps.definitionsDir && { definitionsDir: deps.definitionsDir }),
        };
        // The gallery's path: the review gate, then the install, which plans and publishes in one go and
        // stops at destructive steps (the first run never confirms them).
        const allowDestructive = await gateTemplateInstall(deps.knex, source, options);
        const answer = await installTemplate(deps.knex, source, { ...options, allowDestructive });
        if (answer.status === 'published') await deps.refreshModel();
        if (answer.status !== 'planned') step.version = answer.version;
      } else {
        const summary = await loadInstalledDemo(deps.knex, deps.currentModel(), deps.definitionsDir, deps.clock(), {
          onFile: (index, total) => {
            step.done = index;
            step.total = total;
            fileShare = 0;
            update();
          },
          // Within a file (records by day, walks by record), so a long file moves the bar too.
          progress: (_stage, done, total) => {
            fileShare = total ? Math.min(1, done / total) : 0;
            update();
          },
        });
        step.done = step.total;
        job.result = {
          counts: summary.counts,
          events: summary.events,
          refused: summary.refusedCount,
          users: summary.users,
          password: DEMO_PASSWORD,
        };
      }
      step.status = 'done';
      update();
    }
    job.status = 'done';
  } catch (error) {
    if (current) current.status = 'failed';
    job.status = 'failed';
    job.error =
      error instanceof LodestarError
        ? error.text
        : { en: `unexpected error: ${(error as Error).message}`, zh: `意外错误：${(error as Error).message}` };
  } finally {
    job.finishedAt = new Date().toISOString();
    job.seconds = Math.round((Date.now() - started) / 100) / 10;
  }
}

/**
 * How far the steps are, in percent: an install counts 1, the sample data DEMO_WEIGHT, shared by its files,
 * `fileShare` being how much of the file being loaded is done.
 */
export function percentOf(steps: DemoJobStep[], fileShare = 0): number {
  const weight = (s: DemoJobStep) => (s.kind === 'demo' ? DEMO_WEIGHT : 1);
  const total = steps.reduce((sum, s) => sum + weight(s), 0);
  const done = steps.reduce((sum, s) => {
    if (s.status === 'done') return sum + weight(s);
    if (s.status === 'running' && s.total) return sum + (weight(s) * ((s.done ?? 0) + fileShare)) / s.total;
    return sum;
  }, 0);
  return total ? Math.floor((100 * done) / total) : 100;
}
