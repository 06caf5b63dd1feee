/**
 * The field kinds Lodestar supports, as the engine classifies a field from its JSON Schema (engine
 * schema/column-types.ts) and `GET /api/v1/meta/entities` reports them; forms, lists and the studio speak in these.
 */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'integer'
  | 'number'
  | 'money'
  | 'boolean'
  | 'date'
  | 'dateTime'
  | 'email'
  | 'phone'
  | 'url'
  | 'uuid'
  | 'choice'
  | 'multiChoice'
  | 'manyToOne'
  | 'user'
  | 'manyToMany'
  | 'textList'
  | 'json';
