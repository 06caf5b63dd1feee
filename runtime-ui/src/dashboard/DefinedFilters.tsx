import { useMessages } from '@lodestar/ui-shared';
import { PresetButtons } from './PresetButtons';
import { BAR_PRESETS, type BarOwner, type BarState } from './bar-filters';
import { presetPeriod } from './period';
import { DASHBOARD_MESSAGES } from './messages';

/**
 * The filter bar of a defined dashboard: the period (all time, this month, quarter, year or chosen days) and
 * whose records, offered only as far as the user's roles reach beyond their own (`owners`).
 */
export function DefinedFilters({
  value,
  onChange,
  owners,
}: {
  value: BarState;
  onChange(next: BarState): void;
  /** The owner choices the user's roles make meaningful; none: the control is left out. */
  owners: BarOwner[];
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const choose = (preset: BarState['preset']) =>
    onChange({
      ...value,
      preset,
      period:
        preset === 'all'
          ? { from: '', to: '' }
          : preset === 'custom'
            ? value.period.from
              ? value.period
              : presetPeriod('month')
            : presetPeriod(preset),
    });
  return (
    <div className="dashboard-filters" role="group" aria-label={t.filterBar} data-testid="dashboard-filter-bar">
      <PresetButtons
        label={t.period}
        className="dashboard-periods"
        presets={BAR_PRESETS}
        chosen={value.preset}
        titles={t.barPresets}
        onChoose={choose}
      />
      {value.preset === 'custom' && (
        <span className="dashboard-custom">
          <input
            type="date"
            aria-label={t.from}
            value={value.period.from}
            max={value.period.to}
            onChange={(e) =>
              e.target.value && onChange({ ...value, period: { ...value.period, from: e.target.value } })
            }
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={t.to}
            value={value.period.to}
            min={value.period.from}
            onChange={(e) => e.target.value && onChange({ ...value, period: { ...value.period, to: e.target.value } })}
          />
        </span>
      )}
      {owners.length > 1 && (
        <div className="segmented" role="radiogroup" aria-label={t.owner}>
          {owners.map((owner) => (
            <button
              key={owner || 'all'}
              type="button"
              role="radio"
              aria-checked={value.owner === owner}
              className={value.owner === owner ? 'is-active' : undefined}
              onClick={() => onChange({ ...value, owner })}
              data-owner={owner || 'all'}
            >
              {t.barOwners[owner || 'all']}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
