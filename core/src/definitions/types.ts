/**
 * The definition types, named as the engine and the apps use them. Every shape comes from the generated
 * files (meta-schemas → json-schema-to-typescript), so a type cannot accept what validation refuses or
 * miss what it accepts: change the meta-schema, run `npm run generate -w core`.
 */
import type * as Dashboard from './generated/dashboard.js';
import type * as Entity from './generated/entity.js';
import type * as Roles from './generated/roles.js';
import type * as Workflow from './generated/workflow.js';

/** Text in one language, or per language (`{ "zh": "客户", "en": "Customer" }`). */
export type LocalizedText = Entity.Localized;
// Exported under its generated name too, so the types the compiler infers from definitions can be named.
export type { Localized } from './generated/entity.js';

export type EntityDefinition = Entity.EntityDefinition;
export type EntityOptions = Entity.EntityOptions;
/** One property of an entity: a JSON Schema with our `x-` keywords. */
export type FieldDefinition = Entity.Field;
export type RecordTypeDefinition = Entity.RecordType;
export type SectionDefinition = Entity.Section;
/** Which fields make a record an agenda item (all names of the entity's own properties). */
export type AgendaOptions = Entity.Agenda;
/** `x-relation` on a uuid field (many-to-one) or on an array of uuids (many-to-many). */
export type RelationSpec = Entity.Relation;
export type OnDelete = NonNullable<RelationSpec['onDelete']>;
/** Form layout hints; ignored by validation and SQL. */
export type UiHints = Entity.Ui;
/** A field's labels: title, description and, for choice fields, one label per enum value. */
export type FieldI18n = Entity.FieldI18N;
/** An entity's labels in `x-i18n`. */
export type DefinitionI18n = Entity.I18N;
/** A field's JSON type. */
export type FieldType = FieldDefinition['type'];

/** A workflow definition: an XState v5 machine config in plain JSON, bound by `meta.entity`. */
export type WorkflowDefinition = Workflow.WorkflowDefinition;
export type WorkflowMeta = Workflow.WorkflowMeta;
export type StateDefinition = Workflow.State;
export type StateMeta = Workflow.StateMeta;
export type TransitionDefinition = Workflow.Transition;
export type TransitionConfig = Workflow.Transitions;
/** A guard or action reference: behaviour by name, configured by JSON params. */
export type NamedReference = Workflow.NamedReference;
export type Reference = Workflow.Reference;

/**
 * `roles.json` beside `schemas/`: the roles a template defines. The role `admin` is built in: it may
 * do everything, whatever this file says, so an installation can never lock its administrators out.
 */
export type RolesDefinition = Roles.RolesDefinition;
export type RoleDefinition = Roles.Role;
/** One role's permissions on one entity; an absent scope is `none`. */
export type EntityPermission = Roles.Permission;
/**
 * How far a permission reaches: no records, the records the user owns, the records owned by anyone
 * in the user's org unit and the units below it, or every record.
 */
export type Scope = Roles.Scope;
/** What a role may do with a field beyond the entity's own permissions. */
export type FieldRestriction = NonNullable<EntityPermission['fields']>[string];

/** Every definition of one model: what a folder, a template, a draft or a published version holds. */
export interface DefinitionSet {
  entities: EntityDefinition[];
  workflows: WorkflowDefinition[];
  /**
   * `roles.json`: who may do what. Versioned with the entities and workflows it names, so a publish
   * can never leave a permission pointing at a field or event that no longer exists. Absent: the
   * template defines no roles of its own (the built-in admin always exists).
   */
  roles?: RolesDefinition;
  /**
   * `dashboards/<id>.dashboard.json`: the dashboards a template ships. Versioned with the model whose
   * entities, fields and workflows their widgets name. Absent or empty: none (the generated overview only).
   */
  dashboards?: DashboardDefinition[];
}

/** A dashboard: bilingual title, the roles that see it (absent: everyone) and its widgets. */
export type DashboardDefinition = Dashboard.DashboardDefinition;
export type DashboardWidget = Dashboard.Widget;
/** A workflow report (funnel, winRate, forecast, timeInStage) of one workflow. */
export type ReportWidgetDefinition = Dashboard.ReportWidget;
/** A measure over one entity's records, grouped by a field and/or a date period, drawn as a chart or a number. */
export type AggregateWidgetDefinition = Dashboard.AggregateWidget;
export type WidgetMeasure = Dashboard.Measure;
export type WidgetPeriod = Dashboard.Period;
/** `{ "<field or relation.field>": { "<op>": "<value>" } }`: the list filter `filter[field][op]=value`. */
export type WidgetFilter = Dashboard.Filter;

/**
 * Scopes from narrowest to broadest, as pickers list them. `…OrUnowned` adds the records nobody owns (a pool);
 * holding several roles grants the union of their reach (engine/src/permissions/entity-grant.ts).
 */
export const SCOPES: readonly Scope[] = ['none', 'own', 'ownOrUnowned', 'team', 'teamOrUnowned', 'all'];

/** The role that may do everything. */
export const ADMIN_ROLE = 'admin';
