import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { descriptionOf, pick, titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import type { EntityDefinition } from '@lodestar/core';
import { IssueNotes } from '../ui/controls';
import { entityIn, moveField, removeField, saveField, saveRecordType } from './entity-edits';
import { FieldEditor } from './FieldEditor';
import { FieldsTable } from './FieldsTable';
import { DESIGNER_MESSAGES } from './messages';
import { RecordTypeEditor } from './RecordTypeEditor';
import { RemoveFieldDialog } from './RemoveFieldDialog';
import { RecordTypesPanel } from './RecordTypesPanel';
import { RulesPanel } from './RulesPanel';
import { SectionsPanel } from './SectionsPanel';
import { KeysPanel, setKeys } from './KeysPanel';
import { DesignerTabs } from '../layout/DesignerTabs';
import { LayoutTab } from '../layout/LayoutTab';
import './designer.css';

type Editing = { what: 'field'; name?: string } | { what: 'type'; id?: string } | null;

/** One entity of the draft: its fields, record types and sections, each edit saved into the draft. */
export function EntityDesigner() {
  const { id = '' } = useParams();
  const draft = useDraft();
  const t = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'layout' ? 'layout' : 'fields';
  const entity = draft.definitions.entities.find((e) => e.$id === id);
  if (!entity) {
    return (
      <div className="notice">
        <strong>{t.notFound(id)}</strong>
        <Link to="/entities">{t.back}</Link>
      </div>
    );
  }
  const published = draft.published.entities.find((e) => e.$id === id);
  // Named by the entity, or bound to it by the workflow's meta (without a record type).
  const workflow =
    entity['x-entity'].workflow ??
    draft.definitions.workflows.find((w) => w.meta.entity === id && !w.meta.recordType)?.id;
  const publishedNames = new Set(Object.keys(published?.properties ?? {}));
  const edit = (change: (entity: EntityDefinition) => void) => draft.update((set) => change(entityIn(set, id)));
  const entityLevel = entityIssues(draft.definitions, draft.issues, id).filter(
    (i) =>
      !/^\/(properties|x-entity\/recordTypes|x-entity\/sections|x-entity\/unique|x-entity\/duplicates)\//.test(
        i.pointer,
      ),
  );
  const original =
    editing?.what === 'field' && editing.name
      ? (entity.properties[editing.name]?.['x-renamedFrom'] ?? editing.name)
      : undefined;
  return (
    <>
      <nav className="crumbs">
        <Link to="/entities">← {t.back}</Link>
      </nav>
      <header className="designer-head">
        <div>
          <h1>
            {titleOf(entity, lang, id)} <code className="muted">{id}</code>
          </h1>
          {descriptionOf(entity, lang) && <p className="subtitle">{descriptionOf(entity, lang)}</p>}
        </div>
        <dl className="facts">
          <div>
            <dt>{t.titleField}</dt>
            <dd>
              {titleOf(entity.properties[entity['x-entity'].titleField] ?? {}, lang, entity['x-entity'].titleField)}
            </dd>
          </div>
          <div>
            <dt>{t.workflow}</dt>
            <dd>
              {workflow
                ? (pick(draft.definitions.workflows.find((w) => w.id === workflow)?.meta.title, lang) ?? workflow)
                : t.none}
            </dd>
          </div>
        </dl>
      </header>
      {entityLevel.length > 0 && (
        <div className="notice notice-error" role="alert" aria-label={t.entityProblems}>
          <strong>{t.entityProblems}</strong>
          <IssueNotes issues={entityLevel} prefix="" />
        </div>
      )}
      <DesignerTabs tab={tab} onChange={(next) => setParams(next === 'layout' ? { tab: 'layout' } : {})} />
      {tab === 'layout' && <LayoutTab entity={entity} edit={edit} />}
      <div hidden={tab !== 'fields'}>
        <section className="panel designer-panel" aria-labelledby="fields-heading">
          <header className="panel-head">
            <h2 id="fields-heading">{t.fields}</h2>
            <button type="button" className="button" onClick={() => setEditing({ what: 'field' })}>
              + {t.addField}
            </button>
          </header>
          <FieldsTable
            entity={entity}
            onEdit={(name) => setEditing({ what: 'field', name })}
            onMove={(name, delta) => edit((e) => moveField(e, name, delta))}
            onRemove={setRemoving}
          />
        </section>
        <div className="designer-columns">
          <RecordTypesPanel
            entity={entity}
            onAdd={() => setEditing({ what: 'type' })}
            onEdit={(typeId) => setEditing({ what: 'type', id: typeId })}
          />
          <SectionsPanel entity={entity} />
          <KeysPanel entity={entity} onChange={(unique, duplicates) => edit((e) => setKeys(e, unique, duplicates))} />
        </div>
        <RulesPanel
          entity={entity}
          onChange={(rules) =>
            edit((e) => {
              if (rules.length) e['x-rules'] = rules;
              else delete e['x-rules'];
            })
          }
        />
      </div>
      {editing?.what === 'field' && (
        <FieldEditor
          entity={entity}
          name={editing.name}
          publishedName={original && publishedNames.has(original) ? original : undefined}
          onClose={() => setEditing(null)}
          onApply={(form) => {
            edit((e) => saveField(e, form, editing.name, publishedNames));
            setEditing(null);
          }}
        />
      )}
      {removing && (
        <RemoveFieldDialog
          definitions={draft.definitions}
          entityId={id}
          name={removing}
          onClose={() => setRemoving(null)}
          onRemove={() => {
            edit((e) => removeField(e, removing));
            setRemoving(null);
          }}
        />
      )}
      {editing?.what === 'type' && (
        <RecordTypeEditor
          entity={entity}
          id={editing.id}
          onClose={() => setEditing(null)}
          onApply={(typeId, type) => {
            edit((e) => saveRecordType(e, typeId, type));
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
