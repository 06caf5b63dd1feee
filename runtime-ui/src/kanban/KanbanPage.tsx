import { useParams } from 'react-router';

/** Placeholder until the kanban board lands. */
export function KanbanPage() {
  const { workflow } = useParams();
  return <h1>{workflow}</h1>;
}
