import { useParams } from 'react-router';

/** Placeholder until the record page lands. */
export function RecordPage() {
  const { entity, id } = useParams();
  return <h1>{entity} {id}</h1>;
}
