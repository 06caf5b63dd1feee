/** Placeholder until this screen lands. */
export function WorkflowDesigner() {
  return <h1>WorkflowDesigner</h1>;
}
