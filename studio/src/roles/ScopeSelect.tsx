import { ROLE_MESSAGES } from './messages';
import { SCOPES, type Scope } from './roles-model';
import { useMessages } from '@lodestar/ui-shared';

/**
 * A compact scope picker for a table cell: its name comes from aria-label (the row and column),
 * since a visible label per cell would drown the matrix. `emptyLabel` names what "not set" means here.
 */
export function ScopeSelect({
  label,
  value,
  onChange,
  emptyLabel,
}: {
  label: string;
  value: Scope | undefined;
  onChange(scope: Scope | ''): void;
  emptyLabel: string;
}) {
  const t = useMessages(ROLE_MESSAGES);
  return (
    <select
      className={`scope-select scope-${value ?? 'unset'}`}
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value as Scope | '')}
    >
      <option value="">{emptyLabel}</option>
      {SCOPES.map((scope) => (
        <option key={scope} value={scope}>
          {t.scopes[scope]}
        </option>
      ))}
    </select>
  );
}
