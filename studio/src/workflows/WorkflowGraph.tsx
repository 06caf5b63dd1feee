import { useEffect, useMemo, useState } from 'react';
import { Background, Controls, MarkerType, ReactFlow, type Edge as FlowEdge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useStudioLang } from '../app/lang';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { COLUMN_WIDTH, layoutStates, ROW_HEIGHT } from './layout';
import { WORKFLOW_MESSAGES } from './messages';
import { edgePointer, isFinal, listEdges, statePointer, stateTitle, type Edge } from './model';
import { StateNode, type StateNodeType } from './StateNode';
import type { Workflow } from './types';
import { issuesUnder, stateOwnIssues } from './wf-issues';
import { useMessages } from '@lodestar/ui-shared';
import { DESIGNER_MESSAGES } from './designer-messages';
import { edgeLabel } from './edge-words';
import type { FieldOption } from './ParamsForm';

const NODE_TYPES = { state: StateNode };

interface Props {
  workflow: Workflow;
  issues: DefinitionIssue[];
  /** The bound entity's date fields, naming date-relative timers on their edges. */
  dateFields?: FieldOption[];
  selected: { state?: string; edge?: string };
  onSelectState(name: string): void;
  onSelectEdge(edge: Edge): void;
  onClear(): void;
}

/** The states and transitions as a left-to-right graph; positions come from the layered layout, not from dragging. */
export function WorkflowGraph({
  workflow,
  issues,
  dateFields = [],
  selected,
  onSelectState,
  onSelectEdge,
  onClear,
}: Props) {
  const t = useMessages(WORKFLOW_MESSAGES);
  const m = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const edges = useMemo(() => listEdges(workflow), [workflow]);
  const nodes = useMemo((): StateNodeType[] => {
    const positions = layoutStates(workflow);
    const list: StateNodeType[] = Object.entries(workflow.states).map(([name, state]) => ({
      id: name,
      type: 'state',
      position: positions.get(name)!,
      selected: selected.state === name,
      data: {
        name,
        title: stateTitle(workflow, name, lang),
        color: state.meta?.color ?? '#94a3b8',
        probability: state.meta?.probability,
        initial: workflow.initial === name,
        final: isFinal(state),
        issues: stateOwnIssues(issues, statePointer(name)).length,
      },
    }));
    // Targets that do not exist get a placeholder at the end, so the broken transition can be seen and picked.
    const missing = [...new Set(edges.map((e) => e.target).filter((n): n is string => !!n && !(n in workflow.states)))];
    const right = Math.max(0, ...[...positions.values()].map((p) => p.x)) + COLUMN_WIDTH;
    missing.forEach((name, i) =>
      list.push({
        id: name,
        type: 'state',
        position: { x: right, y: i * ROW_HEIGHT },
        data: { name, title: name, color: '#dc2626', initial: false, final: false, missing: true, issues: 0 },
      }),
    );
    return list;
  }, [workflow, issues, selected.state, lang, edges]);
  const flowEdges = useMemo(
    (): FlowEdge[] =>
      edges
        .filter((e) => e.target)
        .map((e) => {
          const broken =
            issuesUnder(issues, e.kind === 'on' ? edgePointer(e.ref) : `${statePointer(e.ref.source)}/${e.kind}`)
              .length > 0;
          const toLost = workflow.states[e.target!]?.meta?.outcome === 'lost';
          const label = edgeLabel(e, lang, m, dateFields);
          return {
            id: e.id,
            source: e.ref.source,
            target: e.target!,
            label: broken ? `⚠ ${label}` : label,
            ariaLabel: t.edgeLabel(
              stateTitle(workflow, e.ref.source, lang),
              stateTitle(workflow, e.target!, lang),
              label,
            ),
            selected: selected.edge === e.id,
            className: ['wf-edge', broken && 'is-broken', toLost && 'is-lose', e.kind !== 'on' && 'is-timer']
              .filter(Boolean)
              .join(' '),
            markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
            labelBgPadding: [6, 3] as [number, number],
            labelBgBorderRadius: 6,
            data: { event: e.key },
          };
        }),
    [edges, issues, selected.edge, lang, workflow, t, m, dateFields],
  );
  // The graph library applies ariaLabelConfig in an effect, so controls drawn in the first render carry its
  // English defaults ("Zoom In"); drawn after mount, they are labelled in the user's language from the start.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div className="wf-graph" role="region" aria-label={t.graph}>
      <ReactFlow
        nodes={nodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        // Readable text first: the funnel starts at the top left at 80%; panning and "fit" show the rest.
        defaultViewport={{ x: 24, y: 28, zoom: 0.8 }}
        minZoom={0.3}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={t.flow}
        onNodeClick={(_, node) => !node.data.missing && onSelectState(node.id)}
        onEdgeClick={(_, edge) => {
          const found = edges.find((e) => e.id === edge.id);
          if (found) onSelectEdge(found);
        }}
        onPaneClick={onClear}
      >
        <Background gap={20} size={1} color="#e3e7ef" />
        {mounted && <Controls showInteractive={false} />}
      </ReactFlow>
    </div>
  );
}
