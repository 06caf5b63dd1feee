import { quoteIdent } from '../records/quote-ident.js';

/** A piece of SQL with `?` placeholders and its bindings, in order. */
export interface Fragment {
  sql: string;
  bindings: Binding[];
}

export type Binding = string | number | boolean | null;

const FRAGMENT = Symbol('fragment');
type Tagged = Fragment & { [FRAGMENT]: true };

/**
 * SQL by template: an interpolated Fragment is inlined, anything else becomes a bound `?`. So values are
 * parameters by construction; text only enters through `ident` (checked, quoted) or a literal template.
 * Arrays are refused: knex would expand them into a list.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0]!;
  const bindings: Binding[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.sql;
      bindings.push(...value.bindings);
    } else {
      text += '?';
      bindings.push(toBinding(value));
    }
    text += strings[i + 1]!;
  });
  return fragment(text, bindings);
}

/** A quoted identifier (table or column name from the compiled model). */
export function ident(name: string): Fragment {
  return fragment(quoteIdent(name), []);
}

/** Fragments joined by a separator. */
export function joinSql(parts: readonly Fragment[], separator: string): Fragment {
  return fragment(
    parts.map((p) => p.sql).join(separator),
    parts.flatMap((p) => p.bindings),
  );
}

/** A permission scope's condition (built by the engine from the model, values bound) as a fragment. */
export function condition(scope: { sql: string; bindings: unknown[] }): Fragment {
  return fragment(scope.sql, scope.bindings.map(toBinding));
}

/** SQL a table's owner built with its values bound (runtime/history-sql.ts), as a fragment. */
export function owned(part: { sql: string; bindings: readonly Binding[] }): Fragment {
  return fragment(part.sql, [...part.bindings]);
}

/** The empty fragment (an absent condition). */
export const EMPTY: Fragment = fragment('', []);

function fragment(text: string, bindings: Binding[]): Fragment {
  return { sql: text, bindings, [FRAGMENT]: true } as Tagged;
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && (value as Tagged)[FRAGMENT] === true;
}

function toBinding(value: unknown): Binding {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new Error(`cannot bind ${Array.isArray(value) ? 'an array' : typeof value} as one SQL parameter`);
}
