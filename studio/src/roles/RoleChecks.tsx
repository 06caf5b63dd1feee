import { useStudioLang } from '../app/lang';

/** Checkboxes for the roles a user holds, named in the current language, in a labelled group. */
export function RoleChecks({
  label,
  roles,
  value,
  onChange,
}: {
  label: string;
  roles: { id: string; title: { zh?: string; en?: string } }[];
  value: string[];
  onChange(roles: string[]): void;
}) {
  const { lang } = useStudioLang();
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((r) => r !== id));
  return (
    <fieldset className="role-checks">
      <legend className="control-label">{label}</legend>
      {roles.map((role) => (
        <label key={role.id} className="role-check">
          <input
            type="checkbox"
            checked={value.includes(role.id)}
            onChange={(event) => toggle(role.id, event.target.checked)}
          />
          <span>{role.title[lang] ?? role.id}</span>
        </label>
      ))}
    </fieldset>
  );
}
