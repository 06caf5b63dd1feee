import { useModel } from '../model/ModelContext';
import { PresetButtons } from './PresetButtons';
import { workflowTitle } from '../model/labels';
import type { WorkflowDefinition } from '@lodestar/core';
import { useUsers } from '../fields/useUsers';
import { PRESETS, type Period, type PeriodPreset } from './period';
import { DASHBOARD_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

export interface FilterState {
  preset: PeriodPreset;
  period: Period;
  owner: string;
  workflow: string | undefined;
}

/** The filter bar: period (presets or custom days), owner (everyone / me / a user), and the workflow when several report. */
export function DashboardFilters({
  value,
  onChange,
  workflows,
}: {
  value: FilterState;
  onChange(next: FilterState): void;
  workflows: WorkflowDefinition[];
}) {
  const { lang, me } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const { users } = useUsers();
  const others = users
    .filter((u) => u.id !== me.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, lang === 'zh' ? 'zh-CN' : 'en'));
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });

  return (
    <div className="dashboard-filters" role="group" aria-label={t.period}>
      <PresetButtons
        label={t.period}
        presets={PRESETS}
        chosen={value.preset}
        titles={t.presets}
        onChoose={(preset) => set({ preset })}
      />
      {value.preset === 'custom' && (
        <span className="dashboard-custom">
          <label>
            <span className="visually-hidden">{t.from}</span>
            <input
              type="date"
              aria-label={t.from}
              value={value.period.from}
              max={value.period.to}
              onChange={(e) => e.target.value && set({ period: { ...value.period, from: e.target.value } })}
            />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="visually-hidden">{t.to}</span>
            <input
              type="date"
              aria-label={t.to}
              value={value.period.to}
              min={value.period.from}
              onChange={(e) => e.target.value && set({ period: { ...value.period, to: e.target.value } })}
            />
          </label>
        </span>
      )}
      <label className="dashboard-select">
        <span>{t.owner}</span>
        <select value={value.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="">{t.ownerAll}</option>
          <option value={me.id}>{t.ownerMe}</option>
          {others.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </label>
      {workflows.length > 1 && (
        <label className="dashboard-select">
          <span>{t.workflow}</span>
          <select value={value.workflow} onChange={(e) => set({ workflow: e.target.value })}>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {workflowTitle(w, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
