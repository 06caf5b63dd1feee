import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { pick, useMessages } from '@lodestar/ui-shared';
import { PUBLISH_MESSAGES } from './messages';
import type { StateMapping, WordedStep as PlanStep } from '@lodestar/core';

/** `{ "<workflow>": { "<removed state>": "<state its records move to>" } }`, as plan and publish take it (core's). */
export type { StateMapping };

/**
 * For each stage the draft removes while records are still in it: where those records go. Without a
 * choice they restart in the initial stage, which the plan marks as losing data; with one, the step
 * becomes safe. The choice is sent with the plan and the publish.
 */
export function StateMappingPicker({
  steps,
  mapping,
  onChange,
}: {
  steps: PlanStep[];
  mapping: StateMapping;
  onChange(mapping: StateMapping): void;
}) {
  const t = useMessages(PUBLISH_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, published } = useDraft();
  const moves = steps.filter(
    (s): s is Extract<PlanStep, { kind: 'moveState' }> => s.kind === 'moveState' && (s.rows ?? 1) > 0,
  );
  if (!moves.length) return null;
  return (
    <section className="panel state-mapping" aria-label={t.mappingTitle} data-testid="state-mapping">
      <h3>{t.mappingTitle}</h3>
      <p className="muted">{t.mappingHint}</p>
      {moves.map((step) => {
        const workflow = definitions.workflows.find((w) => w.id === step.workflow);
        const states = Object.entries(workflow?.states ?? {}) as [string, { meta?: { title?: unknown } }][];
        // The removed stage exists only in the published version: its title comes from there.
        const removed = (
          published.workflows.find((w) => w.id === step.workflow)?.states as
            Record<string, { meta?: { title?: unknown } }> | undefined
        )?.[step.state];
        const removedTitle = `${pick(removed?.meta?.title as never, lang) ?? step.state} (${step.state})`;
        const id = `map-${step.workflow}-${step.state}`;
        return (
          <div key={id} className="control">
            <label className="control-label" htmlFor={id}>
              {t.mappingFor(removedTitle, step.rows)}
            </label>
            <select
              id={id}
              className="input"
              value={mapping[step.workflow]?.[step.state] ?? ''}
              onChange={(e) => onChange(withTarget(mapping, step.workflow, step.state, e.target.value))}
            >
              <option value="">{t.mappingInitial}</option>
              {states.map(([name, state]) => (
                <option key={name} value={name}>
                  {pick(state.meta?.title as never, lang) ?? name} ({name})
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </section>
  );
}

function withTarget(mapping: StateMapping, workflow: string, state: string, target: string): StateMapping {
  const states = { ...mapping[workflow] };
  if (target) states[state] = target;
  else delete states[state];
  return { ...mapping, [workflow]: states };
}
