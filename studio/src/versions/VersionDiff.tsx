import type { ReactNode } from 'react';
import { useApiGet, useMessages } from '@lodestar/ui-shared';
import { isEmptyDiff as isEmpty, type VersionsDiff } from '@lodestar/core';
import { PlanSteps } from '../publish/PlanSteps';
import { ChangeList, Named } from './ChangeList';
import { DIFF_MESSAGES } from './diff-messages';

/** What differs between two versions: objects, workflows and roles, then the table steps between them. */
export function VersionDiff({ from, to }: { from: number; to: number }) {
  const t = useMessages(DIFF_MESSAGES);
  const [diff] = useApiGet('/meta/versions/{from}/diff/{to}', { from: String(from), to: String(to) });
  return (
    <section className="panel version-diff" aria-label={t.heading(from, to)} data-testid="version-diff">
      <header className="panel-head">
        <h2>{t.heading(from, to)}</h2>
      </header>
      <div className="diff-body">
        {diff.status === 'loading' && (
          <p className="muted" role="status">
            {t.loading}
          </p>
        )}
        {diff.status === 'error' && (
          <div className="notice notice-error" role="alert">
            <strong>{t.failed}</strong>
            <span className="notice-detail">{diff.error.message}</span>
          </div>
        )}
        {diff.status === 'ready' && <DiffSections diff={diff.data} />}
      </div>
    </section>
  );
}

/** A diff's sections and steps; the reviews page shows a submission's diff and frozen plan with it. */
export function DiffSections({ diff }: { diff: VersionsDiff }) {
  const t = useMessages(DIFF_MESSAGES);
  const dashboards = diff.dashboards && !isEmpty(diff.dashboards) ? diff.dashboards : undefined;
  if (isEmpty(diff.entities) && isEmpty(diff.workflows) && isEmpty(diff.roles) && !dashboards)
    return <p className="muted">{t.same}</p>;
  return (
    <>
      <DiffSection
        title={t.entities}
        added={diff.entities.added}
        removed={diff.entities.removed}
        titles={diff.entities.titles}
      >
        {diff.entities.changed.map((entity) => (
          <div key={entity.id} className="diff-item" data-entity={entity.id}>
            <h4>
              <span className="change-tag change-changed">{t.changed}</span>{' '}
              <Named id={entity.id} titles={diff.entities.titles} />
            </h4>
            <ChangeList label={t.fields} diff={entity.fields} nameOf={(c) => c.field} />
            <ChangeList label={t.recordTypes} diff={entity.recordTypes} nameOf={(c) => c.recordType} />
            <Other pointers={entity.other} />
          </div>
        ))}
      </DiffSection>
      <DiffSection
        title={t.workflows}
        added={diff.workflows.added}
        removed={diff.workflows.removed}
        titles={diff.workflows.titles}
      >
        {diff.workflows.changed.map((workflow) => (
          <div key={workflow.id} className="diff-item" data-workflow={workflow.id}>
            <h4>
              <span className="change-tag change-changed">{t.changed}</span>{' '}
              <Named id={workflow.id} titles={diff.workflows.titles} />
            </h4>
            <ChangeList label={t.states} diff={workflow.states} nameOf={(c) => c.state} />
            <ChangeList label={t.transitions} diff={workflow.transitions} nameOf={(c) => c.transition} />
            <Other pointers={workflow.other} />
          </div>
        ))}
      </DiffSection>
      {!isEmpty(diff.roles) && (
        <DiffSection title={t.roles} added={[]} removed={[]}>
          <ChangeList label={t.roles} diff={diff.roles} nameOf={(c) => c.role} />
        </DiffSection>
      )}
      {dashboards && (
        <DiffSection title={t.dashboards} added={[]} removed={[]}>
          <ChangeList label={t.dashboards} diff={dashboards} nameOf={(c) => c.dashboard} />
        </DiffSection>
      )}
      {diff.plan && diff.plan.steps.length > 0 && (
        <div className="diff-steps">
          <h3>{t.steps}</h3>
          <PlanSteps steps={diff.plan.steps} />
        </div>
      )}
    </>
  );
}

/** One kind of definition: names added and removed at the top, then each changed one. */
function DiffSection({
  title,
  added,
  removed,
  titles,
  children,
}: {
  title: string;
  added: string[];
  removed: string[];
  titles?: VersionsDiff['entities']['titles'];
  children: ReactNode;
}) {
  const t = useMessages(DIFF_MESSAGES);
  const items = Array.isArray(children) ? children : [children];
  if (!added.length && !removed.length && items.every((c) => !c || (Array.isArray(c) && !c.length))) return null;
  return (
    <section className="diff-section" aria-label={title}>
      <h3>{title}</h3>
      {(added.length > 0 || removed.length > 0) && (
        <ul className="diff-names">
          {added.map((id) => (
            <li key={`+${id}`} className="change change-added" data-change="added" data-name={id}>
              <span className="change-tag">{t.added}</span> <Named id={id} titles={titles} />
            </li>
          ))}
          {removed.map((id) => (
            <li key={`-${id}`} className="change change-removed" data-change="removed" data-name={id}>
              <span className="change-tag">{t.removed}</span> <Named id={id} titles={titles} />
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

function Other({ pointers }: { pointers: string[] }) {
  const t = useMessages(DIFF_MESSAGES);
  if (!pointers.length) return null;
  return (
    <div className="change-list">
      <h5>{t.other}</h5>
      <p className="mono small">
        <code>{pointers.join(', ')}</code>
      </p>
    </div>
  );
}
