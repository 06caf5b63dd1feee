import { useState } from 'react';
import { pick, TitleRow, useMessages } from '@lodestar/ui-shared';
import type { DashboardDefinition, DashboardWidget } from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Checkbox, IssueNotes, TextInput } from '../ui/controls';
import { workflowIdFrom } from '../workflows/ids';
import {
  dashboardFile,
  dashboardsOf,
  editDashboard,
  newAggregate,
  newDashboard,
  newReport,
  removeDashboard,
} from './dashboard-edits';
import { DASHBOARD_MESSAGES } from './messages';
import { WidgetForm } from './WidgetForm';
import './dashboards.css';

const textsOf = (value: unknown): Record<string, string> =>
  typeof value === 'string' ? { zh: value, en: value } : { ...(value as Record<string, string> | undefined) };

/** The draft's dashboards: a list beside one dashboard's editor (titles, roles, widgets), saved into the draft. */
export function DashboardsPage() {
  const t = useMessages(DASHBOARD_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, issues, update } = useDraft();
  const dashboards = dashboardsOf(definitions);
  const [picked, setPicked] = useState<string>();
  const selected = dashboards.find((d) => d.id === picked) ?? dashboards[0];
  const issuesOf = (id: string) => issues.filter((i) => i.file === dashboardFile(id));
  const add = () => {
    const id = workflowIdFrom(
      t.newTitle,
      dashboards.map((d) => d.id),
    );
    update(
      (set) => void newDashboard(set, id, { zh: DASHBOARD_MESSAGES.zh.newTitle, en: DASHBOARD_MESSAGES.en.newTitle }),
    );
    setPicked(id);
  };
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      <div className="roles-layout dashboards-layout">
        <aside className="panel role-list-panel">
          <nav aria-label={t.dashboards}>
            <h2 className="role-list-title">{t.dashboards}</h2>
            {dashboards.length === 0 && <p className="muted small role-list-empty">{t.none}</p>}
            <ul className="role-list">
              {dashboards.map((d) => {
                const count = issuesOf(d.id).length;
                return (
                  <li key={d.id}>
                    <button
                      type="button"
                      className={`role-item${selected?.id === d.id ? ' active' : ''}`}
                      aria-current={selected?.id === d.id}
                      data-dashboard-item={d.id}
                      onClick={() => setPicked(d.id)}
                    >
                      <span className="role-name">{pick(d.title, lang) || d.id}</span>
                      <code className="role-meta mono">{d.id}</code>
                      {count > 0 && <span className="issue-count">{t.problems(count)}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="new-role">
            <button type="button" className="button" onClick={add}>
              {t.add}
            </button>
          </div>
        </aside>
        <div className="role-main">
          {selected ? (
            <DashboardEditor key={selected.id} dashboard={selected} onRemoved={() => setPicked(undefined)} />
          ) : (
            <div className="notice">{t.pick}</div>
          )}
        </div>
      </div>
    </>
  );
}

function DashboardEditor({ dashboard, onRemoved }: { dashboard: DashboardDefinition; onRemoved(): void }) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, issues, update } = useDraft();
  const id = dashboard.id;
  const mine = issues.filter((i) => i.file === dashboardFile(id));
  const edit = (change: (d: DashboardDefinition) => void) => update((set) => editDashboard(set, id, change));
  const text = (key: 'title' | 'description', language: 'zh' | 'en') => (value: string) =>
    edit((d) => {
      const next = { ...textsOf(d[key]), [language]: value };
      if (key === 'description' && !next.zh && !next.en) delete d.description;
      else d[key] = next;
    });
  const roles = Object.entries(definitions.roles?.roles ?? {});
  const setWidget = (index: number, change: (w: DashboardWidget) => DashboardWidget) =>
    edit((d) => {
      d.widgets[index] = change(d.widgets[index]!);
    });
  return (
    <section className="panel role-editor" aria-label={pick(dashboard.title, lang) || id} data-dashboard={id}>
      <header className="panel-head">
        <div>
          <h2>{pick(dashboard.title, lang) || id}</h2>
          <code className="muted small mono">{id}</code>
        </div>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            update((set) => removeDashboard(set, id));
            onRemoved();
          }}
        >
          {t.remove}
        </button>
      </header>
      <div className="role-body">
        <IssueNotes
          issues={mine.filter((i) => !i.pointer.startsWith('/widgets/'))}
          prefix=""
          testId="dashboard-issues"
        />
        <div className="form-grid">
          <TextInput label={t.titleZh} value={textsOf(dashboard.title).zh ?? ''} onChange={text('title', 'zh')} />
          <TextInput label={t.titleEn} value={textsOf(dashboard.title).en ?? ''} onChange={text('title', 'en')} />
        </div>
        <div className="form-grid form-grid-wide">
          <TextInput
            label={t.descriptionZh}
            value={textsOf(dashboard.description).zh ?? ''}
            onChange={text('description', 'zh')}
          />
          <TextInput
            label={t.descriptionEn}
            value={textsOf(dashboard.description).en ?? ''}
            onChange={text('description', 'en')}
          />
        </div>
        <fieldset className="dashboard-roles">
          <legend className="control-label">{t.roles}</legend>
          <div className="dashboard-role-checks">
            {roles.map(([roleId, role]) => (
              <Checkbox
                key={roleId}
                label={pick(role.title, lang) || roleId}
                checked={dashboard.roles?.includes(roleId) ?? false}
                onChange={(checked) =>
                  edit((d) => {
                    const next = (d.roles ?? []).filter((r) => r !== roleId);
                    if (checked) next.push(roleId);
                    if (next.length) d.roles = next;
                    else delete d.roles;
                  })
                }
              />
            ))}
          </div>
          <span className="control-hint">{t.rolesHint}</span>
        </fieldset>
        <h3 className="section-title">{t.widgets}</h3>
      </div>
      <div className="widget-list">
        {dashboard.widgets.map((widget, index) => (
          <WidgetForm
            key={`${index}-${widget.id}`}
            set={definitions}
            widget={widget}
            index={index}
            issues={mine.filter((i) => i.pointer === `/widgets/${index}` || i.pointer.startsWith(`/widgets/${index}/`))}
            onChange={(change) => setWidget(index, change)}
            onRemove={() => edit((d) => void d.widgets.splice(index, 1))}
            onMoveUp={
              index > 0
                ? () =>
                    edit((d) => {
                      const [moved] = d.widgets.splice(index, 1);
                      d.widgets.splice(index - 1, 0, moved!);
                    })
                : undefined
            }
          />
        ))}
        <div className="widget-add">
          <button
            type="button"
            className="button"
            onClick={() =>
              edit((d) => void d.widgets.push(newAggregate(definitions.entities[0]?.$id ?? '', d.widgets)))
            }
          >
            {t.addAggregate}
          </button>
          {definitions.workflows.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => edit((d) => void d.widgets.push(newReport(definitions.workflows[0]!.id, d.widgets)))}
            >
              {t.addReport}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
