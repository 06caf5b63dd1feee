/** Placeholder until this screen lands. */
export function RolesPage() {
  return <h1>RolesPage</h1>;
}
