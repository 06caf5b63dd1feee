import { useId, useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { Select, TextInput } from '../ui/controls';
import { CRON_MESSAGES } from './cron-messages';
import { cronForm, cronOf, timeOf, type CronForm, type Every } from './cron-form';

/**
 * When a schedule runs, as an admin says it: every hour / day / week / month and at what time; the cron's
 * five fields are typed only for "custom" (a shape the form cannot say, kept as written).
 */
export function CronInput({
  label,
  hint,
  value,
  onChange,
}: {
  /** The label of the raw cron (custom). */
  label: string;
  hint: string;
  value: string;
  onChange(cron: string): void;
}) {
  const t = useMessages(CRON_MESSAGES);
  const timeId = useId();
  const read = cronForm(value);
  // Chosen "custom" stays custom even while its text reads as a simple shape.
  const [custom, setCustom] = useState(read.every === 'custom');
  const form: CronForm = custom ? { ...read, every: 'custom' } : read;
  const change = (patch: Partial<CronForm>) => onChange(cronOf({ ...form, ...patch }));
  return (
    <div className="cron-input" data-every={form.every}>
      <Select
        label={t.every}
        value={form.every}
        onChange={(next) => {
          setCustom(next === 'custom');
          if (next !== 'custom') change({ every: next as Every });
        }}
        options={(['hour', 'day', 'week', 'month', 'custom'] as const).map((e) => ({ value: e, label: t.everies[e]! }))}
      />
      {form.every === 'hour' && (
        <Select
          label={t.minute}
          value={String(form.minute)}
          onChange={(m) => change({ minute: Number(m) })}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: String(i * 5),
            label: `:${String(i * 5).padStart(2, '0')}`,
          }))}
        />
      )}
      {form.every === 'week' && (
        <Select
          label={t.weekday}
          value={String(form.weekday)}
          onChange={(d) => change({ weekday: Number(d) })}
          options={[0, 1, 2, 3, 4, 5, 6].map((i) => ({ value: String(i), label: t.weekdayOf(i) }))}
        />
      )}
      {form.every === 'month' && (
        <Select
          label={t.monthday}
          value={String(form.monthday)}
          onChange={(d) => change({ monthday: Number(d) })}
          options={Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: t.monthdayOf(i + 1) }))}
        />
      )}
      {(form.every === 'day' || form.every === 'week' || form.every === 'month') && (
        <div className="control">
          <label className="control-label" htmlFor={timeId}>
            {t.time}
          </label>
          <input
            id={timeId}
            type="time"
            value={timeOf(form)}
            onChange={(event) => {
              const [hour, minute] = event.target.value.split(':').map(Number);
              if (Number.isInteger(hour) && Number.isInteger(minute)) change({ hour, minute });
            }}
          />
        </div>
      )}
      {form.every === 'custom' && <TextInput label={label} value={value} mono hint={hint} onChange={onChange} />}
    </div>
  );
}

/** A zone's generic name in the language (中国标准时间), or '' where the browser has none. */
function zoneName(zone: string, lang: 'zh' | 'en', now: Date): string {
  try {
    return (
      new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(now)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

/** The time zones this browser knows, named in the language ("中国标准时间（Asia/Shanghai）"). */
function zoneOptions(lang: 'zh' | 'en'): { value: string; label: string }[] {
  const zones: string[] =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'];
  const now = new Date();
  return zones.map((zone) => {
    const name = zoneName(zone, lang, now);
    return { value: zone, label: name ? (lang === 'zh' ? `${name}（${zone}）` : `${name} (${zone})`) : zone };
  });
}

/** A schedule's time zone, chosen from a list (the one it has kept when the browser does not know it). */
export function TimeZoneSelect({
  label,
  lang,
  value,
  onChange,
}: {
  label: string;
  lang: 'zh' | 'en';
  value: string;
  onChange(zone: string): void;
}) {
  const options = zoneOptions(lang);
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: `${value} ⚠` });
  return <Select label={label} value={value} onChange={onChange} options={[{ value: '', label: '—' }, ...options]} />;
}
