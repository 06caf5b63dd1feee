import { useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { Select, TextInput } from '../ui/controls';
import { DESIGNER_MESSAGES } from './designer-messages';
import { formatDuration, parseDuration, type DurationUnit } from './durations';

interface Props {
  label: string;
  /** As stored: ISO 8601, "N business days" or "N business hours"; undefined when not set. */
  value: string | undefined;
  onChange(value: string | undefined): void;
  /** Whether business days and hours may be chosen (meta.sla and timers; stuckAfter is ISO only). */
  businessDays?: boolean;
  /** Whether the duration may be empty (then clearing the amount removes it). */
  optional?: boolean;
  hint?: string;
}

/** A duration as a number and a unit (分钟 / 小时 / 天 / 工作日 / 工作小时), written back in the engine's spelling. */
export function DurationInput({ label, value, onChange, businessDays = true, optional = true, hint }: Props) {
  const m = useMessages(DESIGNER_MESSAGES);
  const parsed = parseDuration(value);
  const [unit, setUnit] = useState<DurationUnit>(parsed?.unit ?? 'days');
  const [amount, setAmount] = useState(parsed ? String(parsed.amount) : '');
  const units: DurationUnit[] = [
    'minutes',
    'hours',
    'days',
    ...(businessDays ? (['businessDays', 'businessHours'] as const) : []),
  ];
  const write = (nextAmount: string, nextUnit: DurationUnit) => {
    setAmount(nextAmount);
    setUnit(nextUnit);
    const n = Number(nextAmount);
    if (nextAmount === '' && optional) onChange(undefined);
    else if (Number.isInteger(n) && n > 0) onChange(formatDuration({ amount: n, unit: nextUnit }));
  };
  const unreadable = value !== undefined && !parsed;
  const note = unreadable ? m.unreadable(value) : hint;
  // The note goes under both controls, so the unit stays level with the amount.
  return (
    <div className="wf-duration-field" data-duration={value ?? ''}>
      <div className="wf-duration">
        <TextInput
          label={label}
          type="number"
          value={amount}
          placeholder={optional ? m.none : undefined}
          onChange={(v) => write(v, unit)}
        />
        <Select
          label={m.unit(label)}
          value={unit}
          options={units.map((u) => ({ value: u, label: m.units[u] }))}
          onChange={(v) => write(amount, v as DurationUnit)}
        />
      </div>
      {note && <p className="control-hint wf-duration-note">{note}</p>}
    </div>
  );
}
