/* Generated from engine/src/definitions/meta/workflow.meta.json by `npm run generate -w core`. Do not edit. */

export type Text =
  | string
  | {
      [k: string]: string;
    };
export type Approver =
  | {
      role: string;
    }
  | {
      userField: string;
    }
  | {
      ownerManager: true;
    };
export type FieldNames = string[];
/**
 * The whole record is read-only for users in this state (true), or all but the listed fields.
 */
export type StageLock =
  | true
  | {
      except: FieldNames;
    };
export type Transitions = string | Transition | Transition[];
export type Reference = string | NamedReference;
export type References = Reference[];

/**
 * Lodestar workflow definition: the JSON-only subset of an XState v5 machine config
 */
export interface WorkflowDefinition {
  $schema?: string;
  id: string;
  initial: string;
  description?: string;
  meta: WorkflowMeta;
  states: {
    [k: string]: State;
  };
}
export interface WorkflowMeta {
  entity: string;
  recordType?: string;
  title?: Text;
  description?: Text;
  amountField?: string;
  closeDateField?: string;
  schedules?: Schedule[];
}
/**
 * A job run on a cron schedule over the workflow's records that match `where`: set fields, send an event, or mail a report.
 */
export interface Schedule {
  id: string;
  title?: Text;
  /**
   * Five fields: minute hour day-of-month month day-of-week.
   */
  cron: string;
  /**
   * IANA time zone of the cron and of TODAY(); Asia/Shanghai when absent.
   */
  timeZone?: string;
  /**
   * A yes/no formula over the record and its many-to-one parents; every record when absent.
   */
  where?: string;
  set?: {
    [k: string]: string;
  };
  event?: string;
  notify?: ScheduleNotify;
  rank?: ScheduleRank;
  enabled?: boolean;
}
/**
 * One mail per active user with the role: how many matching records of their team (their org unit and below) are in each stage.
 */
export interface ScheduleNotify {
  role: string;
  subject?: Text;
}
/**
 * Ranks the matching records by `by` (largest first) before a `set`: its formulas may read rankPosition (1 for the largest) and rankShare, the percent of the matching records' total of `by` held by the record and every record ranked above it (Pareto / ABC analysis); both blank where `by` is blank or not above 0.
 */
export interface ScheduleRank {
  /**
   * A number formula over the record and its many-to-one parents.
   */
  by: string;
}
export interface State {
  type?: 'atomic' | 'final';
  description?: string;
  meta?: StateMeta;
  on?: {
    [k: string]: Transitions;
  };
  after?: {
    [k: string]: Transitions;
  };
  always?: Transitions;
  entry?: References;
  exit?: References;
}
export interface StateMeta {
  title?: Text;
  description?: Text;
  color?: string;
  probability?: number;
  outcome?: 'open' | 'won' | 'lost';
  sla?: string;
  /**
   * How long before the SLA is due its owner is warned (same grammar as sla); 80 % of the SLA when absent.
   */
  slaWarnAt?: string;
  stuckAfter?: string;
  renamedFrom?: string;
  /**
   * Who approves a record in this state: one role, or steps (a role, a user field, or the owner's manager each), all or any of them, in parallel or in sequence.
   */
  approval?:
    | {
        role: string;
      }
    | ApprovalSteps;
  fields?: StageFields;
  lock?: StageLock;
}
export interface ApprovalSteps {
  /**
   * all (the default): every step that applies must approve; any: one approval is enough.
   */
  mode?: 'all' | 'any';
  /**
   * parallel (the default): every step may decide at once; sequence: one after another, in the order listed.
   */
  order?: 'parallel' | 'sequence';
  /**
   * @minItems 1
   * @maxItems 20
   */
  steps: ApprovalStep[];
}
export interface ApprovalStep {
  id: string;
  title?: Text;
  approver: Approver;
  /**
   * A yes/no formula over the record's own fields: the step applies only while it is TRUE.
   */
  when?: string;
}
/**
 * Field rules while a record is in this state: read-only, required or hidden for users (workflow actions are not bound).
 */
export interface StageFields {
  readOnly?: FieldNames;
  required?: FieldNames;
  hidden?: FieldNames;
}
export interface Transition {
  target?: string;
  guard?: Reference;
  actions?: References;
  description?: string;
  meta?: {
    title?: Text;
    [k: string]: unknown;
  };
}
export interface NamedReference {
  type: string;
  params?: {
    [k: string]: unknown;
  };
}
