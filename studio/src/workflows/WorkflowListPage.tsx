/** Placeholder until this screen lands. */
export function WorkflowListPage() {
  return <h1>WorkflowListPage</h1>;
}
