import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type FitViewOptions } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useStudioLang } from '../app/lang';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { graphInput } from './graph-input';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type Direction, type GraphEdge, type GraphLayout } from './layout';
import { WORKFLOW_MESSAGES } from './messages';
import { edgePointer, isFinal, listEdges, statePointer, stateTitle, type Edge } from './model';
import { StateNode, type StateNodeType } from './StateNode';
import type { Workflow } from './types';
import { issuesUnder, stateOwnIssues } from './wf-issues';
import { useMessages } from '@lodestar/ui-shared';
import { DESIGNER_MESSAGES } from './designer-messages';
import { edgeLabel } from './edge-words';
import type { FieldOption } from './ParamsForm';
import { WorkflowEdge, type WorkflowEdgeType } from './WorkflowEdge';

const NODE_TYPES = { state: StateNode };
const EDGE_TYPES = { laid: WorkflowEdge };
/** From this many stages on, a minimap shows where the view is in the whole workflow. */
export const MINIMAP_FROM = 9;
const ZOOM = { maxZoom: 1, minZoom: 0.05 };
const MINIMAP = { wide: { width: 180, height: 120 }, narrow: { width: 104, height: 78 } };
/** Room for the zoom buttons and the minimap along the bottom, so no stage is fitted under them. */
function fitOptions(minimap: { height: number } | undefined): FitViewOptions {
  const bottom = Math.max(52, (minimap?.height ?? 0) + 24);
  return { ...ZOOM, padding: { top: '16px', left: '16px', right: '16px', bottom: `${bottom}px` } };
}
/** The app's phone breakpoint: there the flow runs top to bottom, down the narrow screen. */
const NARROW = '(max-width: 720px)';

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

/**
 * The states and transitions as a graph laid out by `layout.ts` (never by dragging): left to right on a wide
 * screen, top to bottom on a phone, the whole workflow in view when it opens and whenever stages come or go.
 */
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
  const narrow = useMedia(NARROW);
  const direction: Direction = narrow ? 'TB' : 'LR';
  const edges = useMemo(() => listEdges(workflow), [workflow]);
  const broken = (e: Edge) =>
    issuesUnder(issues, e.kind === 'on' ? edgePointer(e.ref) : `${statePointer(e.ref.source)}/${e.kind}`).length > 0;
  const words = (e: Edge) => {
    const label = edgeLabel(e, lang, m, dateFields);
    return broken(e) ? `⚠ ${label}` : label;
  };
  // The layout depends on the words only, so selecting something never moves anything.
  const input = graphInput(workflow, words);
  const layout = useLayout(input, direction);
  const nodes: StateNodeType[] = [
    ...Object.entries(workflow.states).map(([name, state]): StateNodeType => ({
      id: name,
      type: 'state',
      position: layout.nodes.get(name)!,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
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
    })),
    ...input.missing.map((name): StateNodeType => ({
      id: name,
      type: 'state',
      position: layout.nodes.get(name)!,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: { name, title: name, color: '#dc2626', initial: false, final: false, missing: true, issues: 0 },
    })),
  ];

  const flowEdges = edges
    .filter((e) => e.target)
    .map((e): WorkflowEdgeType => {
      const toLost = workflow.states[e.target!]?.meta?.outcome === 'lost';
      const text = words(e);
      const tone = [broken(e) && 'is-broken', toLost && 'is-lose', e.kind !== 'on' && 'is-timer']
        .filter(Boolean)
        .join(' ');
      const laid = layout.edges.get(e.id);
      return {
        id: e.id,
        type: 'laid',
        source: e.ref.source,
        target: e.target!,
        ariaLabel: t.edgeLabel(stateTitle(workflow, e.ref.source, lang), stateTitle(workflow, e.target!, lang), text),
        selected: selected.edge === e.id,
        className: `wf-edge ${tone}`.trim(),
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        data: { points: laid?.points ?? [], box: laid?.label, text, tone, select: () => onSelectEdge(e) },
      };
    });
  // The graph library applies ariaLabelConfig in an effect, so controls drawn in the first render carry its
  // English defaults ("Zoom In"); drawn after mount, they are labelled in the user's language from the start.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const minimap = Object.keys(workflow.states).length >= MINIMAP_FROM ? MINIMAP[narrow ? 'narrow' : 'wide'] : undefined;
  const fit = fitOptions(minimap);
  return (
    <div className={`wf-graph wf-graph-${direction}`} role="region" aria-label={t.graph} data-direction={direction}>
      <ReactFlow
        nodes={nodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={fit}
        minZoom={ZOOM.minZoom}
        maxZoom={2}
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
        {mounted && <Controls orientation="horizontal" showInteractive={false} fitViewOptions={fit} />}
        {mounted && minimap && (
          <MiniMap
            pannable
            zoomable
            nodeColor={(node) => (node as StateNodeType).data.color}
            nodeBorderRadius={8}
            style={minimap}
          />
        )}
        <RevealSelected
          selector={
            selected.state
              ? `.react-flow__node[data-id="${CSS.escape(selected.state)}"]`
              : selected.edge && `[data-edge-label="${CSS.escape(selected.edge)}"]`
          }
        />
        <FitWhenStagesChange signature={`${direction}|${[...layout.nodes.keys()].join('|')}`} options={fit} />
      </ReactFlow>
    </div>
  );
}

/**
 * Fits the whole workflow in view again when a stage is added, removed or renamed, or the flow turns
 * (the first fit is the graph library's `fitView`); the stages keep their places, only the view moves.
 */
function FitWhenStagesChange({ signature, options }: { signature: string; options: FitViewOptions }) {
  const flow = useReactFlow();
  const seen = useRef(signature);
  useEffect(() => {
    if (seen.current === signature) return;
    // Two frames on, the graph library holds the new stages (it takes them in an effect of its own).
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        seen.current = signature;
        void flow.fitView({ ...options, duration: 250 });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [signature, flow, options]);
  return null;
}

/**
 * Pans, at the same zoom, so what was just selected is not hidden under its panel: left of the side panel on
 * a wide screen, above the bottom sheet on a phone. Nothing moves when it is already in the clear.
 */
function RevealSelected({ selector }: { selector?: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!selector) return;
    const target = document.querySelector(selector);
    const graph = target?.closest('.react-flow');
    const panel = document.querySelector('.wf-panel');
    if (!target || !graph || !panel) return;
    const t = target.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    const g = graph.getBoundingClientRect();
    if (!(t.left < p.right && p.left < t.right && t.top < p.bottom && p.top < t.bottom)) return;
    // A panel as wide as the graph is the phone's bottom sheet; otherwise it stands along the right.
    const sheet = p.left <= g.left + 1 && p.right >= g.right - 1;
    const free = sheet
      ? { left: g.left, right: g.right, top: Math.max(g.top, 0), bottom: Math.min(g.bottom, p.top) }
      : { left: g.left, right: p.left, top: g.top, bottom: g.bottom };
    if (free.bottom - free.top < t.height || free.right - free.left < t.width) return;
    const { x, y, zoom } = flow.getViewport();
    const dx = (free.left + free.right - t.left - t.right) / 2;
    const dy = (free.top + free.bottom - t.top - t.bottom) / 2;
    void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 250 });
  }, [selector, flow]);
  return null;
}

/** The layout, computed again only when a stage, a transition, its words or the direction change. */
function useLayout(input: ReturnType<typeof graphInput>, direction: Direction): GraphLayout {
  const key = JSON.stringify({ nodes: input.nodes, edges: input.edges, direction });
  return useMemo(() => {
    const { nodes, edges, direction } = JSON.parse(key) as {
      nodes: string[];
      edges: GraphEdge[];
      direction: Direction;
    };
    return layoutGraph(nodes, edges, direction);
  }, [key]);
}

/** Whether a media query matches, following changes (a phone turned, a window resized). */
function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}
