import { describeStep } from '../migrate/describe-step.js';
import type { Plan, Step } from '../migrate/plan.js';
import type { Lang } from './lang.js';
import { CLI_MESSAGES } from './messages.js';

/** What to tell after the steps: the command that applies them, and whether removed states may be mapped. */
export interface NextStep {
  /** The command that applies a safe plan, e.g. `lodestar migrate`. */
  apply: string;
  /** What to say when a step is blocked. */
  blocked: 'definitions' | 'template';
  /** Suggest `--map` for each removed workflow state with records (only `lodestar migrate` takes it here). */
  suggestMaps: boolean;
}

/**
 * One step as the CLI prints it. In English, describeStep's line by table and column names (what a
 * developer greps for) and the classifier's reason; in Chinese, the step's own worded text and reason
 * by titles (the plan carries both languages), falling back to the English line on a step without words.
 */
export function stepLine(step: Step, lang: Lang): string {
  const mark = CLI_MESSAGES[lang].mark[step.safety];
  if (lang === 'en') return `${mark} ${describeStep(step)}${step.safety === 'safe' ? '' : ` — ${step.reason}`}`;
  const text = step.text?.zh ?? describeStep(step);
  return `${mark} ${text}${step.safety === 'safe' ? '' : `：${step.reasonText?.zh ?? step.reason}`}`;
}

/** The plan's lines: headline, a line per step, then what to do next (omitted without `next`). */
export function planLines(plan: Plan, lang: Lang, next?: NextStep): string[] {
  const t = CLI_MESSAGES[lang];
  if (plan.steps.length === 0) return [t.noDatabaseSteps];
  const lines = [t.planAgainst(plan.baseVersion, plan.steps.length), ...plan.steps.map((s) => stepLine(s, lang))];
  if (!next) return lines;
  const destructive = plan.steps.filter((s) => s.safety === 'destructive');
  const blocked = plan.steps.filter((s) => s.safety === 'blocked').length;
  if (blocked) lines.push(next.blocked === 'template' ? t.templateBlocked : t.blockedSteps(blocked));
  else if (destructive.length) {
    lines.push(t.destructiveSteps(destructive.length, `${next.apply} --allow-destructive`));
    if (next.suggestMaps)
      for (const step of destructive) if (step.kind === 'moveState') lines.push(t.orMap(step.workflow, step.state));
  } else lines.push(t.allSafe(next.apply));
  return lines;
}
