import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { WORKFLOW_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

export type StateNodeData = {
  name: string;
  title: string;
  color: string;
  probability?: number;
  initial: boolean;
  final: boolean;
  /** A target no state answers to: drawn so the transition pointing at it stays visible. */
  missing?: boolean;
  issues: number;
};

export type StateNodeType = Node<StateNodeData, 'state'>;

/** A stage on the graph: its color bar, title, probability, and marks for initial, final and problems. */
export function StateNode({ data, selected }: NodeProps<StateNodeType>) {
  const t = useMessages(WORKFLOW_MESSAGES);
  const classes = [
    'wf-node',
    selected && 'is-selected',
    data.final && 'is-final',
    data.missing && 'is-missing',
    data.issues > 0 && 'has-issues',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      style={{ borderTopColor: data.color }}
      data-state={data.name}
      aria-label={t.stateLabel(data.title)}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="wf-node-title">{data.title}</div>
      <div className="wf-node-meta">
        {data.probability !== undefined && (
          <span className="wf-node-prob">{Math.round(data.probability * 1000) / 10}%</span>
        )}
        {data.initial && <span className="wf-tag">{t.initial}</span>}
        {data.final && <span className="wf-tag">{t.final}</span>}
        {data.issues > 0 && (
          <span className="wf-node-issues" data-testid={`state-issue-${data.name}`}>
            ⚠ {data.issues}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
