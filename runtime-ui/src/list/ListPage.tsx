import { useParams } from 'react-router';

/** Placeholder until the list view lands. */
export function ListPage() {
  const { entity } = useParams();
  return <h1>{entity}</h1>;
}
