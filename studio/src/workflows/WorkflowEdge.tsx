import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { roundedPath } from './edge-path';
import type { Box, Point } from './layout';

export type WorkflowEdgeData = {
  points: Point[];
  /** Where the layout put the words: the label is drawn in exactly this box. */
  box?: Box;
  text: string;
  /** Extra classes for the label, matching the edge's (is-lose, is-timer, is-broken). */
  tone: string;
  select(): void;
};

export type WorkflowEdgeType = Edge<WorkflowEdgeData, 'laid'>;

/** A transition drawn along the layout's route, its words in a box of their own that selects it when clicked. */
export function WorkflowEdge({ id, data, markerEnd, selected }: EdgeProps<WorkflowEdgeType>) {
  if (!data) return null;
  const { box } = data;
  return (
    <>
      <BaseEdge id={id} path={roundedPath(data.points)} markerEnd={markerEnd} interactionWidth={16} />
      {box && (
        <EdgeLabelRenderer>
          <div
            className={['wf-edge-label', 'nodrag', 'nopan', data.tone, selected && 'is-selected']
              .filter(Boolean)
              .join(' ')}
            data-edge-label={id}
            title={data.text}
            style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
            onClick={(event) => {
              event.stopPropagation();
              data.select();
            }}
          >
            {data.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
