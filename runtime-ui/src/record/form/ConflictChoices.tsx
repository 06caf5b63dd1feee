import type { EntityDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { fieldTitle } from '../../model/labels';
import { RECORD_MESSAGES } from '../messages';
import { ReadValue } from '../view/ReadValue';
import type { Merge } from './merge-edits';

/** A save refused because someone else changed the same fields: what each side has, and the way out. */
export interface PendingConflict {
  merge: Merge;
  /** Saves the user's edits over the latest version (theirs kept on every other field). */
  keepMine(): void;
}

export function ConflictChoices({
  entity,
  conflict,
  saving,
  onReload,
}: {
  entity: EntityDefinition;
  conflict: PendingConflict;
  saving: boolean;
  onReload?: (() => void) | undefined;
}) {
  const t = useMessages(RECORD_MESSAGES);
  const { lang } = useModel();
  return (
    <div className="notice notice-error record-notice" role="alert" data-testid="conflict">
      <div>
        <strong>{t.conflict}</strong>
        <div className="notice-detail">{t.conflictBoth}</div>
        <dl className="conflict-fields">
          {conflict.merge.conflicts.map(({ field, mine, theirs }) => (
            <div key={field} className="conflict-field" data-field={field}>
              <dt>{fieldTitle(entity, field, lang)}</dt>
              <dd>
                <span className="muted small">{t.mineValue}</span>{' '}
                <ReadValue entity={entity} field={field} record={{ id: '', [field]: mine }} />
              </dd>
              <dd>
                <span className="muted small">{t.theirsValue}</span>{' '}
                <ReadValue entity={entity} field={field} record={{ id: '', [field]: theirs }} />
              </dd>
            </div>
          ))}
        </dl>
        <div className="record-actions">
          <button type="button" className="button button-primary" disabled={saving} onClick={conflict.keepMine}>
            {t.keepMine}
          </button>
          {onReload && (
            <button type="button" className="button" onClick={onReload}>
              {t.takeTheirs}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
