import { ApiError, useMessages } from '@lodestar/ui-shared';
import { fieldTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import { LIST_MESSAGES } from './messages';
import { NewButton } from './NewButton';

/** No rows: a first-use invitation to create one, or (when searching/filtering) a hint to widen the search. */
export function EmptyList({ entity, filtered }: { entity: EntityDefinition; filtered: boolean }) {
  const t = useMessages(LIST_MESSAGES);
  return (
    <div className="empty-state list-empty" data-testid="list-empty">
      <h2>{filtered ? t.noMatchTitle : t.emptyTitle}</h2>
      <p>{filtered ? t.noMatchHint : t.emptyHint}</p>
      {!filtered && <NewButton entity={entity} />}
    </div>
  );
}

/** A failed load: a 400 names the filter at fault (by field title), anything else offers a retry. */
export function ListError({ entity, error, onRetry }: { entity: EntityDefinition; error: Error; onRetry: () => void }) {
  const { lang } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const bad = error instanceof ApiError && error.status === 400;
  const details =
    bad && error.issues.length
      ? error.issues.map((issue) => `${issueField(entity, issue.pointer, lang)}${issue.message}`)
      : [error.message];
  return (
    <div className="notice notice-error list-error" role="alert">
      <strong>{bad ? t.badFilter : t.failed}</strong>
      {details.map((detail, i) => (
        <span key={i} className="notice-detail">
          {detail}
        </span>
      ))}
      {!bad && (
        <button type="button" className="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

/** `/query/filter[amount][gte]` → "Amount: " (the field a query issue is about). */
function issueField(entity: EntityDefinition, pointer: string, lang: 'zh' | 'en'): string {
  const match = /filter\[([^\]]+)\]/.exec(pointer);
  return match ? `${fieldTitle(entity, match[1]!, lang)}: ` : '';
}
