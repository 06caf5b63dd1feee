import { useState, type FormEvent } from 'react';
import { api, ApiError, type ResponseOf, useApiGet, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { asListQuery, type ListQuery } from './listQuery';
import { LIST_MESSAGES } from './messages';
import { usePopover } from './usePopover';

/** A saved view as `GET /views/{entity}` lists it (the engine's contract). */
type SavedView = ResponseOf<'/views/{entity}', 'get'>['data'][number];

interface SavedViewsProps {
  entity: string;
  current: ListQuery;
  onApply: (query: ListQuery) => void;
}

/**
 * The reader's saved views of this entity: apply one, save the current view under a name, share or delete
 * their own; views colleagues shared are listed after them, read-only, with "copy as my view".
 */
export function SavedViews({ entity, current, onApply }: SavedViewsProps) {
  const t = useMessages(LIST_MESSAGES);
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const [views, reload] = useApiGet('/views/{entity}', { entity });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      reload();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (
      await run(() =>
        api('post', '/views/{entity}', { params: { entity }, body: { name: name.trim(), query: { ...current } } }),
      )
    ) {
      setNaming(false);
      setName('');
    }
  };
  const remove = (view: SavedView) =>
    run(() => api('delete', '/views/{entity}/{id}', { params: { entity, id: view.id } }));
  const copy = (view: SavedView) =>
    run(() => api('post', '/views/{entity}', { params: { entity }, body: { name: view.name, query: view.query } }));
  const { me, isAdmin } = useModel();
  const role = me.roles.find((r) => r !== 'admin');
  const share = (view: SavedView, to: string) =>
    run(() =>
      api('put', '/views/{entity}/{id}/sharing', {
        params: { entity, id: view.id },
        body: to === 'team' && me.orgUnitId ? { unitId: me.orgUnitId } : to === 'role' && role ? { role } : {},
      }),
    );
  const sharedTo = (view: SavedView) => (view.sharedWith?.unitId ? 'team' : view.sharedWith?.role ? 'role' : '');

  return (
    <div className="menu-anchor" ref={ref} data-testid="saved-views">
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
      >
        {t.views}
      </button>
      {open && (
        <div className="menu menu-views" role="group" aria-label={t.savedViews}>
          <div className="menu-heading">{t.savedViews}</div>
          {views.status === 'loading' && <div className="menu-note">{t.loading}</div>}
          {views.status === 'error' && <div className="menu-note error">{t.viewsFailed}</div>}
          {views.status === 'ready' && views.data.data.length === 0 && <div className="menu-note">{t.noViews}</div>}
          {views.status === 'ready' && views.data.data.length > 0 && (
            <ul className="menu-list">
              {views.data.data.map((view) => (
                <li key={view.id} className="menu-row">
                  <button
                    type="button"
                    className="menu-item"
                    onClick={() => (onApply(asListQuery(view.query)), setOpen(false))}
                  >
                    {view.name}
                    {!view.mine && <span className="view-owner">{t.sharedBy(view.ownerName)}</span>}
                  </button>
                  {view.mine && (
                    <select
                      className="view-share"
                      aria-label={`${t.shareWith}: ${view.name}`}
                      value={sharedTo(view)}
                      disabled={busy}
                      onChange={(e) => void share(view, e.target.value)}
                    >
                      <option value="">{t.shareNobody}</option>
                      {me.orgUnitId && <option value="team">{t.shareTeam}</option>}
                      {role && <option value="role">{t.shareRole}</option>}
                    </select>
                  )}
                  {!view.mine && (
                    <button type="button" className="link-button" disabled={busy} onClick={() => void copy(view)}>
                      {t.copyView}
                    </button>
                  )}
                  {(view.mine || isAdmin) && (
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`${t.deleteView}: ${view.name}`}
                      title={t.deleteView}
                      disabled={busy}
                      onClick={() => void remove(view)}
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="menu-footer">
            {naming ? (
              <form className="view-name-form" onSubmit={(e) => void save(e)}>
                <input
                  autoFocus
                  className="filter-input"
                  aria-label={t.viewName}
                  placeholder={t.viewName}
                  value={name}
                  maxLength={100}
                  onChange={(e) => setName(e.target.value)}
                />
                <button type="submit" className="button" disabled={busy || !name.trim()}>
                  {t.save}
                </button>
                <button type="button" className="link-button" onClick={() => setNaming(false)}>
                  {t.cancel}
                </button>
              </form>
            ) : (
              <button type="button" className="link-button" onClick={() => setNaming(true)}>
                {t.saveViewAs}
              </button>
            )}
            {error && (
              <div className="menu-note error" role="alert">
                {error}
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
