import type { OnDelete } from './definitions/types.js';
import type { KeyStep } from './key-normalize.js';
import type { Text } from './text.js';
import type { SequenceDefinition } from './sequence-pattern.js';

/*
 * A publish's plan as data: what the engine's planner writes, its applier reads, and the studio and the CLI
 * show. The engine's `migrate/` and `schema/table-spec.ts` hold the behaviour; the shapes are here.
 */

/** The Postgres type of a column, structured so the planner can compare and classify changes. */
export interface SqlType {
  base:
    | 'text'
    | 'varchar'
    | 'integer'
    | 'bigint'
    | 'double precision'
    | 'numeric'
    | 'boolean'
    | 'date'
    | 'timestamptz'
    | 'uuid'
    | 'jsonb';
  /** @integer */
  length?: number;
  /** @integer */
  precision?: number;
  /** @integer */
  scale?: number;
  array?: boolean;
}

export interface ForeignKeySpec {
  table: string;
  onDelete: OnDelete;
}

export interface ColumnSpec {
  name: string;
  type: SqlType;
  nullable: boolean;
  /** A constant default (from the JSON Schema `default`), or a SQL expression for system columns. */
  default?: { value: unknown } | { sql: string };
  references?: ForeignKeySpec;
  /** Allowed values of a single or multiple choice field; enforced by ajv, tracked for plans. */
  enumValues?: string[];
  system?: boolean;
  /** The previous name, when the definition declares a rename. */
  renamedFrom?: string;
}

export interface IndexSpec {
  name: string;
  columns: string[];
}

/** A many-to-many relation field, stored as a junction table `<entity>__<field>`. */
export interface JunctionSpec {
  name: string;
  field: string;
  source: string;
  target: string;
  renamedFrom?: string;
  /** Link attributes (`x-relation.attributes`): columns of the link table beside source, target and position. */
  attributes?: ColumnSpec[];
}

/**
 * A formula field (`x-formula`). `stored`: the SQL of a STORED generated column of `type`, when the value
 * depends on the row alone and never on the clock; absent: computed by every read statement instead.
 * `refs`: the own fields a stored formula reads (a retype of one of them rebuilds the column).
 */
export interface FormulaSpec {
  name: string;
  formula: string;
  type: SqlType;
  stored?: string;
  refs?: string[];
}

/**
 * An expression index over normalised values (key-normalize.ts): a unique key (`x-entity.unique`) or
 * the lookup index of a duplicate check (`x-entity.duplicates`). Rows with a blank part are left out.
 */
export interface KeyIndexSpec {
  name: string;
  unique: boolean;
  /** Each column with the normalisation steps applied to it (none for columns that are not text). */
  parts: { column: string; steps: KeyStep[] }[];
}

/**
 * A roll-up field (`x-rollup`) of this table: `name` summarises the rows of table `from` whose
 * many-to-one column `via` points here (`op` over their `field`, only those matching `where`).
 */
export interface RollupSpec {
  name: string;
  from: string;
  via: string;
  op: 'count' | 'sum' | 'min' | 'max' | 'avg';
  field?: string;
  where?: string;
}

/**
 * The entity's search document (`x-entity.search`, or its default): a `tsvector` over these columns, in
 * order (the first is the title), kept by a trigger or sent by the engine with its inserts, indexed with GIN. `mode`: how a value is cut into
 * terms (text; text with pinyin; phone digits); `type` is the column's SQL type, so a retype rebuilds it.
 */
export interface SearchSpec {
  fields: { name: string; mode: 'text' | 'pinyin' | 'phone'; type: string }[];
}

/** The relational shape compiled from one entity definition. */
export interface TableSpec {
  name: string;
  renamedFrom?: string;
  columns: ColumnSpec[];
  indexes: IndexSpec[];
  junctions: JunctionSpec[];
  /** Roll-up fields, kept by triggers on the child tables (absent when the entity has none). */
  rollups?: RollupSpec[];
  /** Unique keys and duplicate-check indexes (absent when the entity declares none). */
  keys?: KeyIndexSpec[];
  /** Formula fields (absent when the entity has none). */
  formulas?: FormulaSpec[];
  /** What global and quick search read (absent when nothing is searched). */
  search?: SearchSpec;
}

/**
 * safe: no data can be lost. destructive: data is dropped or changed; needs explicit confirmation.
 * blocked: cannot apply as defined (e.g. NOT NULL on a column with empty rows and no default).
 */
export type Safety = 'safe' | 'destructive' | 'blocked';

interface StepBase {
  safety: Safety;
  /** Why this step has its safety, in words an admin understands. */
  reason: string;
  /**
   * Rows the step touches (destructive and blocked steps, and type changes), once counted.
   * @integer
   */
  rows?: number;
  /** The step and its reason in both languages, by titles (step-text.ts), on plans a user sees. */
  text?: Text;
  reasonText?: Text;
}

/** One thing a publish will do to the database, as data: the planner's output and the applier's input. */
export type Step = StepBase &
  (
    | { kind: 'createTable'; table: TableSpec }
    | { kind: 'dropTable'; table: string }
    | { kind: 'renameTable'; from: string; to: string }
    | { kind: 'addColumn'; table: string; column: ColumnSpec }
    | { kind: 'dropColumn'; table: string; column: string }
    | { kind: 'renameColumn'; table: string; from: string; to: string }
    // `nullable`: the column's nullability after the plan; values nulled by a conversion or an enum
    // removal cannot land in a required column, so such steps are blocked rather than destructive.
    | { kind: 'alterType'; table: string; column: string; from: SqlType; to: SqlType; nullable?: boolean }
    | { kind: 'setNotNull'; table: string; column: string; backfill?: unknown }
    | { kind: 'dropNotNull'; table: string; column: string }
    | { kind: 'setDefault'; table: string; column: string; default?: ColumnSpec['default']; type?: SqlType }
    | { kind: 'addEnumValues'; table: string; column: string; values: string[] }
    | { kind: 'removeEnumValues'; table: string; column: string; values: string[]; array: boolean; nullable?: boolean }
    | { kind: 'addForeignKey'; table: string; column: string; references: NonNullable<ColumnSpec['references']> }
    | { kind: 'dropForeignKey'; table: string; column: string }
    | { kind: 'addIndex'; table: string; index: IndexSpec }
    | { kind: 'dropIndex'; table: string; index: IndexSpec }
    // `duplicates`: a few of the values existing rows share (counted with `rows`), to find them by.
    | { kind: 'addKeyIndex'; table: string; key: KeyIndexSpec; duplicates?: string[][] }
    | { kind: 'dropKeyIndex'; table: string; key: KeyIndexSpec }
    | { kind: 'createJunction'; junction: JunctionSpec }
    | { kind: 'dropJunction'; junction: JunctionSpec }
    | { kind: 'renameJunction'; from: string; to: string }
    // Formula fields: `rows` counts the records whose value a stored column computes. A changed stored
    // formula is `dropFormula` (replaced) early, then `changeFormula` once the columns it reads exist.
    | { kind: 'addFormula'; table: string; formula: FormulaSpec }
    | { kind: 'changeFormula'; table: string; from: FormulaSpec; to: FormulaSpec }
    | { kind: 'dropFormula'; table: string; formula: FormulaSpec; replaced?: boolean }
    // Numbering (`x-sequence`), after the columns exist: `addSequence` numbers the existing rows in creation
    // order (`rows`; `renumber`: the column held values before, which numbers replace) and adds the unique
    // index; a changed pattern numbers only new records; a rename moves the counters; a drop removes them.
    | { kind: 'addSequence'; table: string; column: string; sequence: SequenceDefinition; renumber?: boolean }
    | { kind: 'changeSequence'; table: string; column: string; from: SequenceDefinition; to: SequenceDefinition }
    | { kind: 'renameSequence'; table: string; column: string; from: { table: string; column: string } }
    | { kind: 'dropSequence'; table: string; column: string }
    // Roll-ups: `setRollup` installs the child table's triggers and computes every row of `table`
    // (`rows`); `dropRollup` removes them first of all, under the names the database has before the plan.
    | { kind: 'setRollup'; table: string; rollup: RollupSpec }
    | { kind: 'dropRollup'; table: string; rollup: RollupSpec }
    // Search: like roll-ups, a changed search document is dropped first and built again (`rows`) last.
    | { kind: 'setSearch'; table: string; search: SearchSpec }
    | { kind: 'dropSearch'; table: string; search: SearchSpec }
    // Workflow states of stored records (`table` after the plan's renames; `scope` absent: every row).
    | { kind: 'renameState'; workflow: string; table: string; scope?: RecordScope; from: string; to: string }
    // A state the new version removes: its records move to `to` (the admin's mapping) or, once confirmed
    // without one, to `initial` (the new version's initial state). `rows` counts the records in it.
    | {
        kind: 'moveState';
        workflow: string;
        table: string;
        scope?: RecordScope;
        state: string;
        to?: string;
        initial: string;
      }
  );

/**
 * Which rows of an entity table follow a workflow when it binds only some record types: only those of
 * `recordTypes`, or every row whose record type is not in `exceptRecordTypes` (empty types included).
 */
export interface RecordScope {
  recordTypes?: string[];
  exceptRecordTypes?: string[];
}

export type StepKind = Step['kind'];

/** What a publish will do, against which published version. */
export interface Plan {
  /** @integer */
  baseVersion: number;
  steps: Step[];
}

/** A step before classification: what the planner knows before it decides safety and reason. */
export type StepDraft = { [K in StepKind]: Omit<Extract<Step, { kind: K }>, 'safety' | 'reason'> }[StepKind];

/** A step as a user is shown it (the plan routes answer so): its words and reason in both languages. */
export type WordedStep = Step & { text: Text; reasonText: Text };
