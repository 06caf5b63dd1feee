import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, sendJson, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { recordTitle, stateTitle } from '../model/labels';
import type { EntityDefinition, EventResult, WorkflowDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import type { Move } from './board-model';
import type { useBoard } from './useBoard';
import { KANBAN_MESSAGES } from './messages';

type Board = Pick<ReturnType<typeof useBoard>, 'moveCard' | 'replaceCard' | 'refreshGroups' | 'reload'>;
type Notice = { kind: 'error' | 'success'; text: string };

/**
 * Sends a card's event: the card moves at once, the engine decides. A refusal (409 with the guard's reason,
 * or any other failure) puts the card back and says why in the user's language; success refreshes the
 * column totals, which only the engine can compute under the user's read scope.
 */
export function useMoveCard(entity: EntityDefinition, workflow: WorkflowDefinition, board: Board) {
  const { lang } = useModel();
  const t = useMessages(KANBAN_MESSAGES);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(0);
  const { moveCard, replaceCard, refreshGroups, reload } = board;

  useEffect(() => {
    if (notice?.kind !== 'success') return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const move = useMemo(
    () => ({
      refuse: (text: string) => setNotice({ kind: 'error', text }),
      run: async (record: RecordJson, from: string, { event, target }: Move) => {
        const undo = moveCard(record.id, from, target);
        setBusy((n) => n + 1);
        setNotice(null);
        try {
          const answer = await sendJson<EventResult>(
            'POST',
            `/api/v1/records/${encodeURIComponent(entity.$id)}/${encodeURIComponent(record.id)}/events`,
            { type: event },
          );
          // A guarded branch may lead elsewhere than the column it was dropped on: then the board reloads.
          if (answer.record.state === target) replaceCard(target, answer.record);
          else reload();
          setNotice({
            kind: 'success',
            text: t.moved(recordTitle(entity, record), stateTitle(workflow, String(answer.record.state), lang)),
          });
        } catch (error) {
          undo();
          setNotice({ kind: 'error', text: reasonOf(error, lang, t) });
        } finally {
          setBusy((n) => n - 1);
          refreshGroups();
        }
      },
    }),
    [entity, workflow, lang, t, moveCard, replaceCard, refreshGroups, reload],
  );

  const view: ReactNode = notice && (
    <div className={`kanban-notice kanban-notice-${notice.kind}`}>
      <span role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}</span>
      <button type="button" className="kanban-notice-close" aria-label={t.dismiss} onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
  return { notice: view, busy: busy > 0, move, dismiss: () => setNotice(null) };
}

function reasonOf(error: unknown, lang: 'zh' | 'en', t: (typeof KANBAN_MESSAGES)['zh']): string {
  if (error instanceof ApiError) {
    const reason = error.problem.reason?.[lang];
    if (reason) return t.moveRefused + reason;
    return t.moveFailed + error.message;
  }
  return t.moveFailed + (error instanceof Error ? error.message : String(error));
}
