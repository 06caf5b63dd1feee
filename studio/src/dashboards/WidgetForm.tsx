import { useMemo, useState } from 'react';
import { checkFormula, formulaTypeOfField, parseFormula, type EntityDefinition } from '@lodestar/core';
import { pick, useMessages } from '@lodestar/ui-shared';
import type {
  AggregateWidgetDefinition,
  DashboardWidget,
  DefinitionSet,
  Issue as DefinitionIssue,
} from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { IssueNotes, Select, TextInput } from '../ui/controls';
import { RuleBuilder, type FormulaVerdict } from '../rules/RuleBuilder';
import { groupChoices, measurableFields, periodFields } from './dashboard-edits';
import { expressionToFilter, filterFields, filterToExpression } from './widget-filter-rules';
import { DASHBOARD_MESSAGES } from './messages';

const textsOf = (value: unknown): Record<string, string> =>
  typeof value === 'string' ? { zh: value, en: value } : { ...(value as Record<string, string> | undefined) };

/** One widget of a dashboard: a form per kind, the engine's issues for it beside the fields. */
export function WidgetForm({
  set,
  widget,
  index,
  issues,
  onChange,
  onRemove,
  onMoveUp,
}: {
  set: DefinitionSet;
  widget: DashboardWidget;
  index: number;
  issues: DefinitionIssue[];
  onChange(edit: (w: DashboardWidget) => DashboardWidget): void;
  onRemove(): void;
  onMoveUp?: (() => void) | undefined;
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const { lang } = useStudioLang();
  const entityTitle = (id: string) => {
    const e = set.entities.find((x) => x.$id === id);
    return (e && pick(e['x-i18n']?.title ?? e.title ?? id, lang)) || id;
  };
  const workflowTitle = (id: string) => {
    const w = set.workflows.find((x) => x.id === id);
    return (w && pick(w.meta.title ?? id, lang)) || id;
  };
  const heading =
    widget.kind === 'report'
      ? `${t.reports[widget.report] ?? widget.report} · ${workflowTitle(widget.workflow)}`
      : pick(widget.title, lang) || widget.id;
  return (
    <section className="panel widget-form" data-widget={widget.id} aria-label={heading}>
      <header className="panel-head">
        <h3>{heading}</h3>
        <div className="widget-actions">
          {onMoveUp && (
            <button type="button" className="button button-quiet" onClick={onMoveUp}>
              {t.moveUp}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={onRemove}>
            {t.removeWidget}
          </button>
        </div>
      </header>
      <div className="widget-body">
        <IssueNotes issues={issues} prefix={`/widgets/${index}`} testId="widget-issues" />
        {widget.kind === 'report' ? (
          <div className="form-grid">
            <Select
              label={t.report}
              value={widget.report}
              onChange={(report) => onChange((w) => ({ ...w, report }) as DashboardWidget)}
              options={Object.entries(t.reports).map(([value, label]) => ({ value, label }))}
            />
            <Select
              label={t.workflow}
              value={widget.workflow}
              onChange={(workflow) => onChange((w) => ({ ...w, workflow }))}
              options={set.workflows.map((w) => ({ value: w.id, label: workflowTitle(w.id) }))}
            />
          </div>
        ) : (
          <AggregateFields
            set={set}
            widget={widget}
            entityTitle={entityTitle}
            onChange={(edit) => onChange((w) => edit(w as AggregateWidgetDefinition))}
          />
        )}
      </div>
    </section>
  );
}

function AggregateFields({
  set,
  widget,
  entityTitle,
  onChange,
}: {
  set: DefinitionSet;
  widget: AggregateWidgetDefinition;
  entityTitle(id: string): string;
  onChange(edit: (w: AggregateWidgetDefinition) => AggregateWidgetDefinition): void;
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const { lang } = useStudioLang();
  const entity = set.entities.find((e) => e.$id === widget.entity);
  const fieldTitle = (name: string, on = entity) => {
    const field = on?.properties[name];
    return (field && pick(field['x-i18n']?.title ?? field.title ?? name, lang)) || t.system[name] || name;
  };
  const groupLabel = (path: string) => {
    const [head, tail] = path.split('.');
    if (tail === undefined) return fieldTitle(head!);
    const target = set.entities.find((e) => e.$id === entity?.properties[head!]?.['x-relation']?.entity);
    return t.through(fieldTitle(head!), fieldTitle(tail, target));
  };
  const fields = useMemo(
    () => filterFields(entity, set.entities, set.workflows, lang),
    [entity, set.entities, set.workflows, lang],
  );
  const verdict = useMemo(() => filterVerdict(entity, set.entities), [entity, set.entities]);
  // The rules the user is writing: kept as typed while lists cannot say them (the filter stays as saved).
  const [filterText, setFilterText] = useState(() => filterToExpression(widget.filter, fields));
  const [filterBad, setFilterBad] = useState(false);
  const title = textsOf(widget.title);
  const set1 = <K extends keyof AggregateWidgetDefinition>(key: K, value: AggregateWidgetDefinition[K] | undefined) =>
    onChange((w) => {
      const next = { ...w, [key]: value };
      if (value === undefined) delete next[key];
      return next;
    });
  return (
    <>
      <div className="form-grid">
        <TextInput label={t.titleZh} value={title.zh ?? ''} onChange={(zh) => set1('title', { ...title, zh })} />
        <TextInput label={t.titleEn} value={title.en ?? ''} onChange={(en) => set1('title', { ...title, en })} />
      </div>
      <div className="form-grid">
        <Select
          label={t.entity}
          value={widget.entity}
          onChange={(id) => onChange((w) => ({ ...stripFields(w), entity: id, measure: { fn: 'count' } }))}
          options={set.entities.map((e) => ({ value: e.$id, label: entityTitle(e.$id) }))}
        />
        <Select
          label={t.measure}
          value={widget.measure.fn}
          onChange={(fn) =>
            set1(
              'measure',
              fn === 'count'
                ? { fn: 'count' }
                : {
                    fn: fn as AggregateWidgetDefinition['measure']['fn'],
                    field: widget.measure.field ?? measurableFields(entity)[0] ?? '',
                  },
            )
          }
          options={Object.entries(t.fns).map(([value, label]) => ({ value, label }))}
        />
        {widget.measure.fn !== 'count' && (
          <Select
            label={t.measureField}
            value={widget.measure.field ?? ''}
            onChange={(field) => set1('measure', { ...widget.measure, field })}
            options={measurableFields(entity).map((name) => ({ value: name, label: fieldTitle(name) }))}
          />
        )}
        <Select
          label={t.groupBy}
          value={widget.groupBy ?? ''}
          onChange={(value) => set1('groupBy', value || undefined)}
          options={[
            { value: '', label: t.noGroup },
            ...groupChoices(set, entity).map((path) => ({ value: path, label: groupLabel(path) })),
          ]}
        />
        <Select
          label={t.period}
          value={widget.period?.field ?? ''}
          onChange={(field) => set1('period', field ? { field, unit: widget.period?.unit ?? 'month' } : undefined)}
          options={[
            { value: '', label: t.noPeriod },
            ...periodFields(entity).map((name) => ({ value: name, label: fieldTitle(name) })),
          ]}
        />
        {widget.period && (
          <Select
            label={t.unit}
            value={widget.period.unit}
            onChange={(unit) => set1('period', { ...widget.period!, unit: unit as 'week' | 'month' | 'quarter' })}
            options={Object.entries(t.units).map(([value, label]) => ({ value, label }))}
          />
        )}
        <Select
          label={t.chart}
          value={widget.chart}
          onChange={(chart) => set1('chart', chart as AggregateWidgetDefinition['chart'])}
          options={Object.entries(t.charts).map(([value, label]) => ({ value, label }))}
        />
        <Select
          label={t.width}
          value={widget.width ?? 'half'}
          onChange={(width) => set1('width', width === 'full' ? 'full' : undefined)}
          options={Object.entries(t.widths).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <RuleBuilder
        key={widget.entity}
        label={t.filter}
        hint={filterBad ? t.notAFilter : t.filterHint}
        value={filterText}
        fields={fields}
        verdict={verdict}
        onChange={(text) => {
          setFilterText(text);
          const filter = expressionToFilter(text);
          setFilterBad(!filter);
          if (filter) set1('filter', Object.keys(filter).length ? filter : undefined);
        }}
      />
    </>
  );
}

/** Another entity's widget keeps none of this one's fields. */
function stripFields(w: AggregateWidgetDefinition): AggregateWidgetDefinition {
  const { groupBy: _g, period: _p, filter: _f, ...rest } = w;
  return rest;
}

/** A filter's formula checked as the rule builder needs: the entity's fields, its stage, one hop to a parent. */
function filterVerdict(entity: EntityDefinition | undefined, entities: readonly EntityDefinition[]): FormulaVerdict {
  return (source) => {
    const parsed = parseFormula(source);
    if (!parsed.expr) return { issues: parsed.issues };
    const checked = checkFormula(parsed.expr, {
      // ME() is the dashboard's reader (the list word `me`).
      actor: true,
      typeOf: (path) => {
        if (path.length === 1 && (path[0] === 'state' || path[0] === 'recordType' || path[0] === 'owner_id'))
          return 'text';
        const own = entity?.properties[path[0]!];
        if (path.length === 1) return formulaTypeOfField(own);
        const target = own?.['x-relation'] && own.type === 'string' ? own['x-relation'].entity : undefined;
        return formulaTypeOfField(entities.find((e) => e.$id === target)?.properties[path[1]!]);
      },
    });
    return { issues: checked.issues, type: checked.type };
  };
}
