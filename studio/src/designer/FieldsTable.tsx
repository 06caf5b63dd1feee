import { pick, titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { entityIssues } from '../draft/issues';
import type { EntityDefinition } from '@lodestar/core';
import { IssueNotes } from '../ui/controls';
import { kindOf } from './field-model';
import { kindFamily, KIND_LABELS } from './field-kind';
import { DESIGNER_MESSAGES } from './messages';

interface Props {
  entity: EntityDefinition;
  onEdit(name: string): void;
  onMove(name: string, delta: -1 | 1): void;
  onRemove(name: string): void;
}

/** The entity's fields in definition order, each with its kind, flags, problems and actions. */
export function FieldsTable({ entity, onEdit, onMove, onRemove }: Props) {
  const t = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const names = Object.keys(entity.properties);
  const sections = new Map((entity['x-entity'].sections ?? []).map((s) => [s.id, pick(s.title, lang) ?? s.id]));
  return (
    <table className="fields-table" aria-label={t.fields}>
      <thead>
        <tr>
          <th>{t.field}</th>
          <th>{t.kind}</th>
          <th>{t.section}</th>
          <th>{t.flags}</th>
          <th className="actions-col">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name, i) => {
          const field = entity.properties[name]!;
          const kind = kindOf(field);
          const title = titleOf(field, lang, name);
          const issues = entityIssues(draft.definitions, draft.issues, entity.$id, `/properties/${name}`);
          const isTitle = entity['x-entity'].titleField === name;
          return (
            <tr key={name} data-field={name} className={issues.length ? 'has-issues' : undefined}>
              <td>
                <div className="field-title">{title}</div>
                <code className="muted small">{name}</code>
                {field['x-renamedFrom'] && (
                  <span className="pill pill-changed">{t.renamedFrom(field['x-renamedFrom'])}</span>
                )}
                <IssueNotes issues={issues} prefix={`/properties/${name}`} testId={`issues-${name}`} />
              </td>
              <td>
                <span className={`kind kind-${kindFamily(kind)}`}>{KIND_LABELS[lang][kind]}</span>
              </td>
              <td className="muted">
                {field['x-ui']?.section ? (sections.get(field['x-ui'].section) ?? field['x-ui'].section) : '—'}
              </td>
              <td>
                <div className="flags">
                  {entity.required?.includes(name) && <span className="flag flag-required">{t.required}</span>}
                  {isTitle && <span className="flag">{t.titleField}</span>}
                  {field['x-ui']?.list && <span className="flag">{t.inList}</span>}
                  {field['x-ui']?.chart && <span className="flag">{t.inChart}</span>}
                  {field['x-formula'] !== undefined && <span className="flag">{t.formulaFlag}</span>}
                  {field['x-rollup'] && <span className="flag">{t.rollupFlag}</span>}
                </div>
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${t.moveUp} ${title}`}
                  title={t.moveUp}
                  disabled={i === 0}
                  onClick={() => onMove(name, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${t.moveDown} ${title}`}
                  title={t.moveDown}
                  disabled={i === names.length - 1}
                  onClick={() => onMove(name, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${t.edit} ${title}`}
                  onClick={() => onEdit(name)}
                >
                  {t.edit}
                </button>
                <button
                  type="button"
                  className="link-button danger"
                  aria-label={`${t.remove} ${title}`}
                  title={isTitle ? t.isTitle : undefined}
                  disabled={isTitle}
                  onClick={() => onRemove(name)}
                >
                  {t.remove}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
