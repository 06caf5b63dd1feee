import {
  calendarDateIn,
  parsePattern,
  prefixOf,
  renderNumber,
  type EntityDefinition,
  type SequenceDefinition,
  type SequenceReset,
} from '@lodestar/core';
import { pick, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { Select, TextInput } from '../ui/controls';
import { SEQUENCE_MESSAGES } from './sequence-messages';

/** The tokens a pattern may hold besides its counter (core's sequence-pattern.ts). */
const TOKENS = '{YYYY} {YY} {MM} {DD} {PREFIX}';

/** The company's time zone, as the engine numbers in it by default (LODESTAR_TIME_ZONE). */
const COMPANY_TIME_ZONE = 'Asia/Shanghai';

/**
 * An auto number (`x-sequence`): its pattern, when it starts again, a prefix per record type, and a live
 * preview of the next number (today's date, counter 1) read with the engine's own pattern reader.
 */
export function SequenceSettings(props: {
  entity: EntityDefinition | undefined;
  sequence: SequenceDefinition;
  onChange(sequence: SequenceDefinition): void;
}) {
  const t = useMessages(SEQUENCE_MESSAGES);
  const { lang } = useStudioLang();
  const { sequence, onChange } = props;
  const types = Object.entries(props.entity?.['x-entity'].recordTypes ?? {});
  const parsed = parsePattern(sequence.pattern);
  const date = calendarDateIn(new Date(), COMPANY_TIME_ZONE);
  const preview = (type?: string) =>
    'parts' in parsed ? renderNumber(parsed.parts, date, prefixOf(sequence, type), 1) : undefined;
  const setPrefix = (type: string, prefix: string) =>
    onChange({ ...sequence, prefixes: { ...sequence.prefixes, [type]: prefix } });
  return (
    <>
      <div className="form-grid">
        <TextInput
          label={t.pattern}
          value={sequence.pattern}
          onChange={(pattern) => onChange({ ...sequence, pattern })}
          mono
          hint={'problem' in parsed ? parsed.problem.text[lang] : t.patternHint(TOKENS, '{0000}')}
        />
        <Select
          label={t.reset}
          value={sequence.reset ?? 'never'}
          onChange={(reset) => onChange({ ...sequence, reset: reset as SequenceReset })}
          options={(['never', 'yearly', 'monthly'] as const).map((value) => ({ value, label: t.resets[value] }))}
        />
      </div>
      {types.length > 0 && (
        <>
          <h4 className="dialog-section">{t.prefixes('{PREFIX}')}</h4>
          <div className="form-grid">
            {types.map(([key, type]) => (
              <TextInput
                key={key}
                label={t.prefixFor(pick(type.title, lang) ?? key)}
                value={sequence.prefixes?.[key] ?? ''}
                onChange={(prefix) => setPrefix(key, prefix)}
                mono
              />
            ))}
          </div>
        </>
      )}
      <div className="sequence-preview" aria-live="polite">
        <span className="control-label">{t.preview}</span>
        {'parts' in parsed && (
          <ul>
            {(types.length
              ? types.map(([key, type]) => [key, pick(type.title, lang) ?? key] as const)
              : [['', '']]
            ).map(([key, title]) => (
              <li key={key} data-testid="sequence-preview">
                {title && t.previewFor(title)}
                <code>{preview(key || undefined)}</code>
              </li>
            ))}
          </ul>
        )}
        <p className="control-hint">{t.previewNote}</p>
      </div>
    </>
  );
}
