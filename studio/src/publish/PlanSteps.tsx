import { useStudioLang } from '../app/lang';
import { PUBLISH_MESSAGES } from './messages';
import type { WordedStep as PlanStep } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';

const ORDER = ['blocked', 'destructive', 'safe'] as const;

/** The plan's steps in the engine's words (both languages, by titles), grouped by safety: what cannot apply first, then what loses data, then the rest. */
export function PlanSteps({ steps }: { steps: PlanStep[] }) {
  const t = useMessages(PUBLISH_MESSAGES);
  const { lang } = useStudioLang();
  return (
    <div className="plan-groups">
      {ORDER.map((safety) => {
        const group = steps.filter((s) => s.safety === safety);
        if (!group.length) return null;
        return (
          <section
            key={safety}
            className={`plan-group plan-${safety}`}
            aria-label={t.groups[safety]}
            data-safety={safety}
          >
            <h3>
              {t.groups[safety]} <span className="count">{group.length}</span>
            </h3>
            <ol>
              {group.map((step, i) => (
                <li
                  key={i}
                  className="plan-step"
                  data-kind={step.kind}
                  data-safety={step.safety}
                  data-rows={step.rows ?? ''}
                >
                  <span className="step-text">{step.text[lang]}</span>
                  {step.rows !== undefined && step.safety !== 'safe' && (
                    <span className="step-rows">{t.rows(step.rows)}</span>
                  )}
                  {step.safety !== 'safe' && <span className="step-reason">{step.reasonText[lang]}</span>}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
