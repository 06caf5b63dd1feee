import { useCallback, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import Form, { type IChangeEvent } from '@rjsf/core';
import { flatValidator } from './flat-validator';
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import { useModel } from '../../model/ModelContext';
import { fieldTitle } from '../../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { RECORD_MESSAGES } from '../messages';
import { buildFormModel } from './formSchema';
import { stageLockNotice, withStageRules } from './stageForm';
import { stageRulesOf } from '@lodestar/core';
import { issueText, wordIssue } from './issues';
import { useLineItems, withLiveRollups } from '../items/useLineItems';
import { mergeWithLatest, saveRecord, type SaveOutcome } from './saveRecord';
import { ConflictChoices, type PendingConflict } from './ConflictChoices';
import { TEMPLATES } from './templates';
import { changedValues, filledValues, toFormData, type FormData } from './values';
import { WIDGETS } from './widgets';
import { formFormulas, isFormulaField, useRelatedRecords, withFormulasReadOnly } from './formulaValues';
import { withFormulasOverLines } from './formulasOverLines';
import { SaveBar } from './SaveBar';
import { useDuplicateHints } from './duplicateHints';
import { useMessages } from '@lodestar/ui-shared';

export interface RecordFormProps {
  entity: EntityDefinition;
  recordType: string | undefined;
  /** The stored record, or undefined for a new one. */
  record?: RecordJson;
  prefill?: FormData;
  label: string;
  /** Nothing may be changed (update scope `none`). */
  locked: boolean;
  /** `note`: what the save did beyond the user's edits (merged with someone else's changes). */
  onSaved(record: RecordJson, note?: string): void;
  onDirtyChange?(dirty: boolean): void;
  onReload?(): void;
  /** Leave editing without saving (the record page asks first when there are changes). */
  onCancel?(): void;
}

/** The generated form of one record (type): rjsf with Lodestar's widgets, templates and server errors. */
export function RecordForm({
  entity,
  recordType,
  record,
  prefill,
  label,
  locked,
  onSaved,
  onDirtyChange,
  onReload,
  onCancel,
}: RecordFormProps) {
  const { kinds, permissions, lang, workflowOf, entity: entityOf } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const readOnlyKey = (permissions[entity.$id]?.readOnly ?? []).join(',');
  const isNew = !record;
  // The stage the record is in (a new one: its workflow's start) may hide, lock or require fields.
  const workflow = workflowOf(entity.$id, recordType);
  const stage = useMemo(
    () => stageRulesOf(workflow, (record?.state as string | null | undefined) ?? workflow?.initial),
    [workflow, record?.state],
  );
  const model = useMemo(
    () =>
      withStageRules(
        withFormulasReadOnly(
          buildFormModel({
            entity,
            kinds: kinds[entity.$id] ?? {},
            recordType,
            lang,
            readOnly: new Set(readOnlyKey.split(',')),
            isNew,
          }),
          entity,
        ),
        stage,
        lang,
      ),
    [entity, kinds, recordType, lang, readOnlyKey, isNew, stage],
  );
  const stageNotice = stageLockNotice(stage, lang);
  const initial = useMemo(
    () => (record ? toFormData(record, model.fields) : { ...prefill }),
    [record, prefill, model.fields],
  );
  const [formData, setFormData] = useState<FormData>(initial);
  // Formula fields are computed live from what is typed, and never sent.
  const formulas = useMemo(() => formFormulas(entity, entityOf), [entity, entityOf]);
  const writable = useMemo(
    () => model.fields.filter((name) => !isFormulaField(entity.properties[name])),
    [entity, model.fields],
  );
  const relatedRecords = useRelatedRecords(entity, formulas, formData);
  // Line items (a child declared as this entity's items) are edited in grids and saved in the same request.
  const items = useLineItems(entity, record, locked, lang);
  // Formulas read the lines' live roll-ups (a total over the subtotal of lines still being typed).
  const liveData = useMemo(
    () => withFormulasOverLines(formulas, formData, items.rollups, record, relatedRecords, model.fields, new Date()),
    [formulas, formData, items.rollups, record, relatedRecords, model.fields],
  );
  const shownData = useMemo(
    () => withLiveRollups(liveData, items.rollups, model.fields),
    [liveData, items.rollups, model.fields],
  );
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [banner, setBanner] = useState<{
    kind: 'invalid' | 'conflict' | 'forbidden' | 'failed';
    lines: string[];
  } | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);

  const dirty = useMemo(
    () =>
      isNew
        ? Object.keys(filledValues(formData, writable)).length > 0
        : Object.keys(changedValues(initial, formData, writable)).length > 0 || items.dirty,
    [isNew, formData, initial, writable, items.dirty],
  );
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    performance.mark('lodestar:form-ready');
  }, []);

  const duplicateHints = useDuplicateHints(entity, formData, record?.id as string | undefined, !locked);
  // Pickers read the values typed so far when they search (an opportunity's contacts from its customer first).
  const valuesNow = useRef(formData);
  valuesNow.current = formData;
  const recordId = record?.id as string | undefined;
  const formContext = useMemo(
    () => ({ lang, entity: entity.$id, recordId, duplicateHints, values: () => valuesNow.current }),
    [lang, entity.$id, recordId, duplicateHints],
  );
  const FormTag = useMemo(() => formTagFor(label), [label]);
  const transformErrors = useCallback(
    (errors: RJSFValidationError[]) =>
      errors.map((e) => ({
        ...e,
        message: wordIssue(e.name ?? '', e.params as Record<string, unknown>, lang, e.message ?? ''),
      })),
    [lang],
  );
  const change = useCallback((event: IChangeEvent<FormData>) => setFormData(event.formData ?? {}), []);

  const submit = async ({ formData: data = {} }: IChangeEvent<FormData>) => {
    const body = isNew
      ? { ...filledValues(data, writable), ...(recordType && { record_type: recordType }) }
      : changedValues(initial, data, writable);
    if (items.refuse()) return setBanner({ kind: 'invalid', lines: [items.refusedText] });
    items.addTo(body, isNew);
    if (!isNew && !Object.keys(body).length) return;
    setSaving(true);
    setBanner(null);
    setConflict(null);
    const saveAt = (version = Number(record?.version)) =>
      saveRecord(
        entity.$id,
        record && { id: record.id, version },
        body,
        [...model.fields, ...items.names],
        (f) => fieldTitle(entity, f, lang),
        lang,
      );
    let outcome = await saveAt();
    let merged: string[] = [];
    // Someone saved meanwhile: their changes and the user's merge when no field was changed by both.
    const merge =
      outcome.kind === 'conflict' && record && (await mergeWithLatest(entity.$id, record.id, body, initial, writable));
    if (merge && merge.conflicts.length) {
      setSaving(false);
      return setConflict({ merge, keepMine: () => answer(saveAt(merge.version), merge.theirs) });
    }
    if (merge) [outcome, merged] = [await saveAt(merge.version), merge.theirs];
    await answer(Promise.resolve(outcome), merged);
  };

  const answer = async (pending: Promise<SaveOutcome>, merged: string[]) => {
    setSaving(true);
    const outcome = await pending;
    setSaving(false);
    if (outcome.kind === 'saved') {
      setExtraErrors(undefined);
      setConflict(null);
      const titles = merged.map((f) => fieldTitle(entity, f, lang)).join(t.listSeparator);
      onSaved(outcome.record, merged.length ? t.mergedNote(titles) : undefined);
    } else if (outcome.kind === 'invalid') {
      setExtraErrors(outcome.fieldErrors);
      setBanner({ kind: 'invalid', lines: outcome.general });
      items.answer((outcome.issues ?? []).map((issue) => ({ pointer: issue.pointer, text: issueText(issue, lang) })));
    } else if (outcome.kind === 'failed') setBanner({ kind: 'failed', lines: [outcome.message] });
    else setBanner({ kind: outcome.kind, lines: [] });
  };

  return (
    <div className="record-form">
      {locked && <div className="notice record-notice">{t.readOnlyNotice}</div>}
      {!locked && stageNotice && (
        <div className="notice record-notice" data-testid="stage-locked">
          {stageNotice}
        </div>
      )}
      {banner && <FormBanner banner={banner} onReload={onReload} />}
      {conflict && <ConflictChoices entity={entity} conflict={conflict} saving={saving} onReload={onReload} />}
      <Form
        schema={model.schema}
        uiSchema={model.uiSchema}
        formData={shownData}
        validator={flatValidator}
        widgets={WIDGETS}
        templates={TEMPLATES}
        formContext={formContext}
        tagName={FormTag}
        noHtml5Validate
        showErrorList={false}
        focusOnFirstError
        readonly={locked}
        extraErrors={extraErrors}
        transformErrors={transformErrors}
        onChange={change}
        onSubmit={submit}
        onError={() => setBanner({ kind: 'invalid', lines: [] })}
      >
        {items.grids}
        {!locked && (
          <SaveBar
            dirty={dirty}
            saving={saving}
            isNew={isNew}
            onDiscard={() => (setFormData(initial), setExtraErrors(undefined), setBanner(null), items.reset())}
            onCancel={onCancel}
          />
        )}
      </Form>
    </div>
  );
}

/** The `<form>` element with its accessible name (rjsf takes the element type, so one per label). */
function formTagFor(label: string) {
  return function RecordFormTag(props: ComponentProps<'form'>) {
    return <form {...props} className="ls-form" aria-label={label} />;
  };
}

function FormBanner({ banner, onReload }: { banner: { kind: string; lines: string[] }; onReload?: () => void }) {
  const t = useMessages(RECORD_MESSAGES);
  if (banner.kind === 'conflict') {
    return (
      <div className="notice notice-error record-notice" role="alert" data-testid="conflict">
        <div>
          <strong>{t.conflict}</strong>
          <div className="notice-detail">{t.conflictHint}</div>
        </div>
        {onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t.reload}
          </button>
        )}
      </div>
    );
  }
  const title = banner.kind === 'forbidden' ? t.forbiddenSave : banner.kind === 'invalid' ? t.fixErrors : t.saveFailed;
  return (
    <div className="notice notice-error record-notice" role="alert" data-testid="save-error">
      <div>
        <strong>{title}</strong>
        {banner.lines.map((line) => (
          <div key={line} className="notice-detail">
            {line}
          </div>
        ))}
      </div>
    </div>
  );
}
