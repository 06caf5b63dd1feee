import { useState } from 'react';
import {
  KEY_NORMALIZATIONS,
  TEXT_KEY_KINDS,
  UNIQUE_KEY_KINDS,
  type DuplicateCheckDefinition,
  type DuplicateReveal,
  type EntityDefinition,
  type FieldKind,
  type KeyNormalization,
  type UniqueKeyDefinition,
} from '@lodestar/core';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import { Checkbox, IssueNotes, Select, TextInput } from '../ui/controls';
import { kindOf } from './field-model';
import { KEY_MESSAGES } from './key-messages';

/**
 * `x-entity.unique` and `x-entity.duplicates`: unique keys (one field, or two combined) with their
 * normalisation and optional message, and which fields the duplicate check compares and what it shows of
 * records the user cannot open. The engine judges the rest (issues shown here, duplicates at publish).
 */
export function KeysPanel({
  entity,
  onChange,
}: {
  entity: EntityDefinition;
  onChange(unique: UniqueKeyDefinition[], duplicates: DuplicateCheckDefinition | undefined): void;
}) {
  const t = useMessages(KEY_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const options = entity['x-entity'];
  const keys = options.unique ?? [];
  const duplicates = options.duplicates;
  const title = (name: string) => titleOf(entity.properties[name] ?? {}, lang, name);
  const fieldsOf = (kinds: readonly FieldKind[]) =>
    Object.entries(entity.properties)
      .filter(([, field]) => kinds.includes(kindOf(field) as FieldKind))
      .map(([name]) => name);
  const keyFields = fieldsOf(UNIQUE_KEY_KINDS);
  const textFields = fieldsOf(TEXT_KEY_KINDS);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');

  const setKeys = (next: UniqueKeyDefinition[]) => onChange(next, duplicates);
  const setKey = (i: number, key: UniqueKeyDefinition) => setKeys(keys.map((k, j) => (j === i ? key : k)));
  const toggleStep = (key: UniqueKeyDefinition, step: KeyNormalization, on: boolean): UniqueKeyDefinition => {
    const steps = KEY_NORMALIZATIONS.filter((s) => (s === step ? on : (key.normalize ?? []).includes(s)));
    const { normalize: _old, ...rest } = key;
    return steps.length ? { ...rest, normalize: steps } : rest;
  };
  const messageIn = (key: UniqueKeyDefinition, l: 'zh' | 'en') =>
    typeof key.message === 'string' ? key.message : (key.message?.[l] ?? '');
  const setMessage = (key: UniqueKeyDefinition, l: 'zh' | 'en', value: string): UniqueKeyDefinition => {
    const message = { zh: messageIn(key, 'zh'), en: messageIn(key, 'en'), [l]: value };
    const { message: _old, ...rest } = key;
    return message.zh || message.en
      ? { ...rest, message: Object.fromEntries(Object.entries(message).filter(([, v]) => v)) }
      : rest;
  };
  const add = () => {
    const fields = [first, ...(second && second !== first ? [second] : [])];
    const textual = fields.some((f) => textFields.includes(f));
    setKeys([...keys, { fields, ...(textual && { normalize: [...KEY_NORMALIZATIONS] }) }]);
    setFirst('');
    setSecond('');
  };
  const setMatch = (name: string, on: boolean) => {
    const match = (duplicates?.match ?? []).filter((f) => f !== name).concat(on ? [name] : []);
    onChange(keys, match.length ? { ...duplicates, match } : undefined);
  };
  const fieldOptions = keyFields.map((name) => ({ value: name, label: title(name) }));
  return (
    <section className="panel designer-panel" aria-labelledby="keys-heading">
      <header className="panel-head">
        <div>
          <h2 id="keys-heading">{t.heading}</h2>
          <p className="subtitle small">{t.hint}</p>
        </div>
      </header>
      <h3 className="keys-subheading">{t.uniqueKeys}</h3>
      {keys.length === 0 && <p className="muted panel-empty">{t.noKeys}</p>}
      <ol className="key-list">
        {keys.map((key, i) => {
          const names = key.fields.map(title).join(' + ');
          const textual = key.fields.some((f) => textFields.includes(f));
          return (
            <li key={key.fields.join(',')} className="key-item" data-testid={`unique-key-${i}`}>
              <div className="key-item-head">
                <strong>{t.keyFields(names)}</strong>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.removeKey(names)}
                  onClick={() => setKeys(keys.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
              {textual && (
                <div className="key-steps">
                  {KEY_NORMALIZATIONS.map((step) => (
                    <Checkbox
                      key={step}
                      label={t.normalize[step]}
                      checked={(key.normalize ?? []).includes(step)}
                      onChange={(on) => setKey(i, toggleStep(key, step, on))}
                    />
                  ))}
                </div>
              )}
              <div className="form-grid">
                <TextInput
                  label={t.messageZh}
                  value={messageIn(key, 'zh')}
                  onChange={(v) => setKey(i, setMessage(key, 'zh', v))}
                />
                <TextInput
                  label={t.messageEn}
                  value={messageIn(key, 'en')}
                  onChange={(v) => setKey(i, setMessage(key, 'en', v))}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <IssueNotes
        issues={entityIssues(draft.definitions, draft.issues, entity.$id, '/x-entity/unique')}
        prefix="/x-entity/unique"
      />
      <div className="key-add form-grid">
        <Select
          label={t.firstField}
          value={first}
          onChange={setFirst}
          options={[{ value: '', label: '—' }, ...fieldOptions]}
        />
        <Select
          label={t.secondField}
          value={second}
          onChange={setSecond}
          options={[{ value: '', label: t.noSecond }, ...fieldOptions.filter((o) => o.value !== first)]}
        />
        <button type="button" className="button button-quiet" disabled={!first} onClick={add}>
          + {t.addKey}
        </button>
      </div>
      <h3 className="keys-subheading">{t.duplicates}</h3>
      <p className="muted small">{t.duplicatesHint}</p>
      <div className="key-steps">
        {textFields.map((name) => (
          <Checkbox
            key={name}
            label={t.matchField(title(name))}
            checked={(duplicates?.match ?? []).includes(name)}
            onChange={(on) => setMatch(name, on)}
          />
        ))}
      </div>
      {duplicates && (
        <Select
          label={t.reveal}
          value={duplicates.reveal ?? 'owner'}
          onChange={(reveal) => onChange(keys, { ...duplicates, reveal: reveal as DuplicateReveal })}
          options={[
            { value: 'owner', label: t.revealOwner },
            { value: 'exists', label: t.revealExists },
            { value: 'nothing', label: t.revealNothing },
          ]}
        />
      )}
      <IssueNotes
        issues={entityIssues(draft.definitions, draft.issues, entity.$id, '/x-entity/duplicates')}
        prefix="/x-entity/duplicates"
      />
    </section>
  );
}

/** Writes the panel's keys into the entity, leaving out what is empty. */
export function setKeys(
  entity: EntityDefinition,
  unique: UniqueKeyDefinition[],
  duplicates: DuplicateCheckDefinition | undefined,
): void {
  if (unique.length) entity['x-entity'].unique = unique;
  else delete entity['x-entity'].unique;
  if (duplicates) entity['x-entity'].duplicates = duplicates;
  else delete entity['x-entity'].duplicates;
}
