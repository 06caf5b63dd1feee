import { useState } from 'react';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Dialog, IssueNotes, TextInput } from '../ui/controls';
import { ROLE_MESSAGES } from './messages';
import { PermissionMatrix } from './PermissionMatrix';
import { roleIssues } from './role-issues';
import { removeRole, setRoleText, textsOf, type RoleDefinition } from './roles-model';
import { useMessages } from '@lodestar/ui-shared';

/** One role: its names and description in both languages, its permission matrix, and removing it. */
export function RoleEditor({ roleId, role, onRemoved }: { roleId: string; role: RoleDefinition; onRemoved(): void }) {
  const t = useMessages(ROLE_MESSAGES);
  const { lang } = useStudioLang();
  const { issues, update } = useDraft();
  const [confirming, setConfirming] = useState(false);
  // Issues of the role itself (id, title); those of an entity show on its matrix row.
  const own = roleIssues(issues, roleId).filter((issue) => !issue.pointer.startsWith(`/roles/${roleId}/entities/`));
  const text = (key: 'title' | 'description', lang: 'zh' | 'en') => (value: string) =>
    update((set) => setRoleText(set, roleId, key, lang, value));
  return (
    <section className="panel role-editor" aria-label={roleId} data-role={roleId}>
      <header className="panel-head">
        <div>
          <h2>{textsOf(role.title)[lang] || roleId}</h2>
          <code className="muted small mono">{roleId}</code>
        </div>
        <button type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
          {t.removeRole}
        </button>
      </header>
      <div className="role-body">
        <IssueNotes issues={own} prefix={`/roles/${roleId}`} testId="role-issues" />
        <div className="form-grid">
          <TextInput label={t.titleZh} value={textsOf(role.title).zh ?? ''} onChange={text('title', 'zh')} />
          <TextInput label={t.titleEn} value={textsOf(role.title).en ?? ''} onChange={text('title', 'en')} />
        </div>
        <div className="form-grid form-grid-wide">
          <TextInput
            label={t.descriptionZh}
            value={textsOf(role.description).zh ?? ''}
            onChange={text('description', 'zh')}
          />
          <TextInput
            label={t.descriptionEn}
            value={textsOf(role.description).en ?? ''}
            onChange={text('description', 'en')}
          />
        </div>
        <h3 className="section-title">{t.matrix}</h3>
        <p className="control-hint matrix-hint">{t.matrixHint}</p>
      </div>
      <PermissionMatrix roleId={roleId} role={role} />
      {confirming && (
        <Dialog
          title={t.confirmRemove(roleId)}
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                {t.cancel}
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  update((set) => removeRole(set, roleId));
                  setConfirming(false);
                  onRemoved();
                }}
              >
                {t.remove}
              </button>
            </>
          }
        >
          <p>{t.removeHint}</p>
        </Dialog>
      )}
    </section>
  );
}
