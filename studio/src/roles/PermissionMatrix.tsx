import { Fragment, useState } from 'react';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { IssueNotes } from '../ui/controls';
import { EntityRules } from './EntityRules';
import { ROLE_MESSAGES } from './messages';
import { roleIssues } from './role-issues';
import { ACTIONS, ANY_ENTITY, setScope, type RoleDefinition } from './roles-model';
import { ScopeSelect } from './ScopeSelect';

/** Entity × action with a scope per cell; a row opens its workflow-event and field rules below it. */
export function PermissionMatrix({ roleId, role }: { roleId: string; role: RoleDefinition }) {
  const t = useMessages(ROLE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, issues, update } = useDraft();
  const [open, setOpen] = useState<string>();
  const rows = [
    ...definitions.entities.map((e) => ({ id: e.$id, title: titleOf(e, lang, e.$id) })),
    { id: ANY_ENTITY, title: t.anyEntity },
  ];
  return (
    <table className="data-table matrix" aria-label={t.matrix}>
      <thead>
        <tr>
          <th>{t.entity}</th>
          {ACTIONS.map((action) => (
            <th key={action}>{t.actions[action]}</th>
          ))}
          <th>
            <span className="visually-hidden">{t.rules}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, title }) => {
          const permission = role.entities?.[id] ?? {};
          const rules = Object.keys(permission.events ?? {}).length + Object.keys(permission.fields ?? {}).length;
          const rowIssues = roleIssues(issues, roleId, id);
          return (
            <Fragment key={id}>
              <tr data-entity={id} className={rowIssues.length ? 'has-issues' : undefined}>
                <th scope="row">
                  {title}
                  {id !== ANY_ENTITY && <code className="muted small mono entity-id">{id}</code>}
                  <IssueNotes issues={rowIssues} prefix={`/roles/${roleId}/entities/${id}`} />
                </th>
                {ACTIONS.map((action) => (
                  <td key={action}>
                    <ScopeSelect
                      label={`${title} ${t.actions[action]}`}
                      value={permission[action]}
                      emptyLabel={t.scopes['']!}
                      onChange={(scope) => update((set) => setScope(set, roleId, id, action, scope))}
                    />
                  </td>
                ))}
                <td className="nowrap">
                  {id !== ANY_ENTITY && (
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === id}
                      aria-label={t.rulesFor(title)}
                      onClick={() => setOpen(open === id ? undefined : id)}
                    >
                      {open === id ? t.hideRules : rules ? t.ruleCount(rules) : t.rules}
                    </button>
                  )}
                </td>
              </tr>
              {open === id && (
                <tr className="rules-row">
                  <td colSpan={ACTIONS.length + 2}>
                    <EntityRules roleId={roleId} entityId={id} permission={permission} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
