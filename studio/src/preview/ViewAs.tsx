import { useEffect, useState } from 'react';
import { api, endPreview, useApiGet, useMessages, type ResponseOf } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { textsOf } from '../roles/roles-model';
import { Dialog, Select } from '../ui/controls';
import { PREVIEW_MESSAGES } from './messages';
import './preview.css';

type Started = ResponseOf<'/meta/preview', 'post'>;
const ADMIN_ROLE = 'admin';

/**
 * "预览为 / View as" (issue 19): the admin picks a role or a user and sees the runtime UI itself, framed, on
 * the draft with those permissions. The engine judges every request of the frame by its preview token and
 * refuses writes (engine/src/preview); the studio only starts the preview and frames it.
 */
export function ViewAsButton() {
  const t = useMessages(PREVIEW_MESSAGES);
  const [choosing, setChoosing] = useState(false);
  const [preview, setPreview] = useState<Started | null>(null);
  // A preview the tab kept from before a reload is not this studio's: forget it.
  useEffect(() => endPreview(), []);
  const close = () => {
    endPreview();
    setPreview(null);
  };
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setChoosing(true)}>
        {t.viewAs}
      </button>
      {choosing && (
        <ViewAsDialog
          onClose={() => setChoosing(false)}
          onStarted={(started) => {
            setChoosing(false);
            setPreview(started);
          }}
        />
      )}
      {preview && <PreviewFrame preview={preview} onClose={close} />}
    </>
  );
}

function ViewAsDialog({ onClose, onStarted }: { onClose(): void; onStarted(started: Started): void }) {
  const t = useMessages(PREVIEW_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const [users] = useApiGet('/admin/users');
  const roles = Object.entries(draft.definitions.roles?.roles ?? {}).map(([id, role]) => ({
    value: id,
    label: textsOf(role.title)[lang] || id,
  }));
  if (!roles.some((r) => r.value === ADMIN_ROLE))
    roles.push({ value: ADMIN_ROLE, label: lang === 'zh' ? '系统管理员' : 'Administrator' });
  const userOptions =
    users.status === 'ready'
      ? users.data.data.map((u) => ({
          value: u.id,
          label: `${u.displayName || u.email}${u.active ? '' : t.inactive}`,
        }))
      : [];
  const [kind, setKind] = useState<'role' | 'user'>('role');
  const [role, setRole] = useState(roles.find((r) => r.value !== ADMIN_ROLE)?.value ?? ADMIN_ROLE);
  const [user, setUser] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosenUser = user || userOptions[0]?.value || '';
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // The preview reads the draft as stored: save what is waiting first.
      await draft.flush();
      const body = kind === 'role' ? { role } : { user: chosenUser };
      onStarted(await api('post', '/meta/preview', { body: draft.hasDraft ? body : { ...body, draft: null } }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t.dialogTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || (kind === 'user' && !chosenUser)}
            onClick={() => void start()}
          >
            {busy ? t.opening : t.open}
          </button>
        </>
      }
    >
      <p>{t.intro}</p>
      <fieldset className="view-as-kind">
        <legend className="control-label">{t.kind}</legend>
        <label>
          <input type="radio" name="view-as-kind" checked={kind === 'role'} onChange={() => setKind('role')} />
          {t.asRole}
        </label>
        <label>
          <input type="radio" name="view-as-kind" checked={kind === 'user'} onChange={() => setKind('user')} />
          {t.asUser}
        </label>
      </fieldset>
      {kind === 'role' ? (
        <>
          <Select label={t.role} value={role} onChange={setRole} options={roles} />
          <p className="control-hint">{t.roleHint}</p>
        </>
      ) : userOptions.length ? (
        <>
          <Select label={t.user} value={chosenUser} onChange={setUser} options={userOptions} />
          <p className="control-hint">{t.userHint}</p>
        </>
      ) : (
        <p className="control-hint">{t.noUsers}</p>
      )}
      {error && (
        <p className="view-as-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** The runtime UI framed over the studio, in preview mode, with a way out and a way to a tab of its own. */
function PreviewFrame({ preview, onClose }: { preview: Started; onClose(): void }) {
  const t = useMessages(PREVIEW_MESSAGES);
  const { lang } = useStudioLang();
  const src = `/?preview=${encodeURIComponent(preview.token)}`;
  useEffect(() => {
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', escape);
    return () => window.removeEventListener('keydown', escape);
  }, [onClose]);
  return (
    <div className="view-as-overlay" role="dialog" aria-modal="true" aria-label={preview.banner[lang]}>
      <div className="view-as-bar">
        <strong>{preview.banner[lang]}</strong>
        <a className="button button-quiet" href={src} target="_blank" rel="noopener">
          {t.newTab}
        </a>
        <button type="button" className="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <iframe className="view-as-frame" title={t.frameTitle} src={src} />
    </div>
  );
}
