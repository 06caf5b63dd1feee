import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { EventBar } from './EventBar';
import { StagePath } from './StagePath';

/** Above the form of a workflow record: where it stands, and what can move it on. */
export function WorkflowPanel(props: {
  entity: EntityDefinition;
  record: RecordJson;
  workflow: WorkflowDefinition;
  dirty: boolean;
  changes: number;
  onChanged(): void;
}) {
  return (
    <section className="workflow-panel">
      <StagePath entity={props.entity.$id} workflow={props.workflow} record={props.record} changes={props.changes} />
      <EventBar {...props} />
    </section>
  );
}
