/**
 * The state of a list view (search, filters, sort, columns) lives in the URL query string, so a view can
 * be bookmarked or shared and the back button undoes a change. Filters use the API's own syntax
 * (`filter[amount][gte]=1000`), so the URL passes to the records API nearly as it is.
 */
export interface ListFilter {
  field: string;
  op: string;
  /** As in the query string: `in` values comma-separated; `me` stands for the signed-in user. */
  value: string;
}

export interface SortKey {
  field: string;
  desc: boolean;
}

export interface ListQuery {
  q: string;
  sort: SortKey | null;
  /** Chosen columns; null for the entity's default columns. */
  columns: string[] | null;
  filters: ListFilter[];
}

/** What a saved view stores (`POST /api/v1/views/{entity}` → `query`). */
export type SavedQuery = ListQuery;

const FILTER_RE = /^filter\[([^\]]+)\](?:\[(\w+)\])?$/;
export const ME = 'me';

export function parseListQuery(params: URLSearchParams): ListQuery {
  const filters: ListFilter[] = [];
  for (const [key, value] of params) {
    const match = FILTER_RE.exec(key);
    if (match && value !== '') filters.push({ field: match[1]!, op: match[2] ?? 'eq', value });
  }
  const sort = params.get('sort');
  const cols = params.get('cols');
  return {
    q: params.get('q') ?? '',
    sort: sort ? { field: sort.replace(/^-/, ''), desc: sort.startsWith('-') } : null,
    columns: cols ? cols.split(',').filter(Boolean) : null,
    filters,
  };
}

export function toSearchParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', sortParam(query.sort));
  if (query.columns) params.set('cols', query.columns.join(','));
  for (const f of query.filters) params.append(`filter[${f.field}][${f.op}]`, f.value);
  return params;
}

export function sortParam(sort: SortKey): string {
  return `${sort.desc ? '-' : ''}${sort.field}`;
}

/** The records API parameters of a query: `me` becomes the user's id; a date-time range ends after its last day. */
export function apiParams(
  query: ListQuery,
  opts: { meId: string; isDateTime: (field: string) => boolean },
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.sort) params.set('sort', sortParam(query.sort));
  for (const f of query.filters) {
    let { op, value } = f;
    if (op === 'in' || op === 'eq')
      value = value
        .split(',')
        .map((v) => (v === ME ? opts.meId : v))
        .join(',');
    if (opts.isDateTime(f.field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      if (op === 'lte') [op, value] = ['lt', nextDay(value)];
      value = new Date(`${value}T00:00:00`).toISOString(); // the user's midnight, not UTC's
    }
    params.append(`filter[${f.field}][${op}]`, value);
  }
  return params;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The query with one field's filters replaced (an empty list removes them). */
export function withFieldFilters(query: ListQuery, field: string, filters: ListFilter[]): ListQuery {
  return { ...query, filters: [...query.filters.filter((f) => f.field !== field), ...filters] };
}

/** Whether a saved/parsed object is a usable query (saved views are free JSON on the server). */
export function asListQuery(raw: unknown): ListQuery {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<ListQuery>;
  return {
    q: typeof o.q === 'string' ? o.q : '',
    sort: o.sort && typeof o.sort.field === 'string' ? { field: o.sort.field, desc: !!o.sort.desc } : null,
    columns: Array.isArray(o.columns) ? o.columns.filter((c): c is string => typeof c === 'string') : null,
    filters: Array.isArray(o.filters)
      ? o.filters.filter(
          (f) => f && typeof f.field === 'string' && typeof f.op === 'string' && typeof f.value === 'string',
        )
      : [],
  };
}
