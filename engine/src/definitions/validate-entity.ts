import type { ErrorObject } from 'ajv';
import type { Issue, Text } from '../errors.js';
import { createAjv } from './create-ajv.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';
import { RESERVED_NAMES } from './identifiers.js';
import { outsideBroken, salvageEntity } from './salvage-entity.js';
import { isRuleValue, ruleKindOf } from './record-rules.js';
import { checkSequences } from './validate-sequence.js';
import { checkRuleProblems } from './check-rules.js';
import { checkKeys } from './validate-keys.js';
import entityMetaSchema from './meta/entity.meta.json' with { type: 'json' };
import { toFieldKind, type FieldKind } from '../schema/column-types.js';
import { checkUserFields } from './validate-user-fields.js';
import { checkLinkAttributes } from './validate-link-attributes.js';
import { checkHighlights } from './validate-highlights.js';
import { checkRegionFields } from './validate-region-fields.js';
import { checkSearch } from '../search/validate-search.js';
import { usesStageAsOpen } from './agenda-states.js';

const metaAjv = createAjv();
const validateShape = metaAjv.compile<EntityDefinition>(entityMetaSchema);

/** Context for checks that look across definitions. */
export interface EntityContext {
  entityIds: ReadonlySet<string>;
  workflowIds: ReadonlySet<string>;
}

/** Turns ajv errors into issues with JSON pointers. */
export function toIssues(errors: ErrorObject[] | null | undefined, prefix = ''): Issue[] {
  // An `if` error only says its `then`/`else` failed; those errors, on their fields, say why.
  return (errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
      const extra = error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
      // Rule errors carry their wording in both languages (record-rules.ts).
      const { i18n, ...params } = error.params as Record<string, unknown> & { i18n?: Text };
      return {
        pointer: `${prefix}${error.instancePath}${missing}${extra}`,
        keyword: error.keyword,
        message: error.message ?? error.keyword,
        ...(i18n && { i18n }),
        params,
      };
    });
}

/** Whether a value passes the entity meta-schema, so checks across definitions may read it. */
export function hasEntityShape(entity: unknown): entity is EntityDefinition {
  return validateShape(entity);
}

/**
 * The entity as the checks across definitions may read it: itself when its shape is valid, else its salvaged
 * copy (broken fields standing in as text, salvage-entity.ts), else undefined.
 */
export function usableEntity(entity: unknown): EntityDefinition | undefined {
  if (validateShape(entity)) return entity as EntityDefinition;
  return salvageEntity(entity, [...(validateShape.errors ?? [])], validateShape)?.entity;
}

/**
 * Every issue of one entity definition: its shape against the meta-schema, then the semantic rules, which
 * also run on a salvaged copy when only some fields or options are broken, so every problem shows at once.
 */
export function validateEntity(entity: unknown, context: EntityContext): Issue[] {
  if (!validateShape(entity)) {
    const errors = [...(validateShape.errors ?? [])];
    const salvaged = salvageEntity(entity, errors, validateShape);
    return [
      ...toIssues(errors).map(withChoiceWording),
      ...(salvaged ? outsideBroken(semanticIssues(salvaged.entity, context), salvaged.broken) : []),
    ];
  }
  return semanticIssues(entity as EntityDefinition, context);
}

/** An empty `enum` is a choice field without options: say so, rather than "must list at least 1". */
function withChoiceWording(issue: Issue): Issue {
  if (issue.keyword !== 'minItems' || !issue.pointer.endsWith('/enum')) return issue;
  const i18n = {
    en: 'a choice field needs at least one option',
    zh: '选项字段至少需要一个选项',
  };
  return { ...issue, message: i18n.en, i18n };
}

function semanticIssues(definition: EntityDefinition, context: EntityContext): Issue[] {
  return [
    ...checkNames(definition),
    ...checkFields(definition, context),
    ...checkOptions(definition, context),
    ...checkAgenda(definition),
    ...checkRules(definition),
    ...checkRuleProblems(definition),
    ...checkKeys(definition),
    ...checkSequences(definition),
    ...checkUserFields(definition),
    ...checkLinkAttributes(definition),
    ...checkHighlights(definition),
    ...checkRegionFields(definition),
    ...checkSearch(definition),
    ...checkCompiles(definition),
  ];
}

function checkNames(entity: EntityDefinition): Issue[] {
  const issues: Issue[] = [];
  if (RESERVED_NAMES.has(entity.$id))
    issues.push(issue('/$id', 'reserved', `"${entity.$id}" is reserved by the engine`));
  for (const name of Object.keys(entity.properties)) {
    if (RESERVED_NAMES.has(name))
      issues.push(issue(`/properties/${name}`, 'reserved', `"${name}" is a system column name`));
  }
  entity.required?.forEach((name, i) => {
    if (!(name in entity.properties))
      issues.push(issue(`/required/${i}`, 'unknownField', `required field "${name}" is not a property`));
  });
  return issues;
}

function checkFields(entity: EntityDefinition, context: EntityContext): Issue[] {
  const issues: Issue[] = [];
  for (const [name, field] of Object.entries(entity.properties)) {
    const at = `/properties/${name}`;
    const kind = toFieldKind(field);
    if (!kind) issues.push(issue(at, 'unsupportedField', 'field shape is not a supported field type'));
    const relation = field['x-relation'];
    if (relation) issues.push(...checkRelation(at, field, context));
    if (field['x-currency'] !== undefined && field.type !== 'number') {
      issues.push(issue(`${at}/x-currency`, 'currencyType', 'x-currency applies to number fields only'));
    }
    if (field['x-scale'] !== undefined && field['x-currency'] === undefined) {
      issues.push(issue(`${at}/x-scale`, 'scaleWithoutCurrency', 'x-scale needs x-currency'));
    }
    if (field['x-renamedFrom'] !== undefined && field['x-renamedFrom'] in entity.properties) {
      issues.push(issue(`${at}/x-renamedFrom`, 'renameClash', `"${field['x-renamedFrom']}" still exists`));
    }
    issues.push(...checkEnumLabels(at, field));
    if (field['x-ui']?.chart && !(kind && CHART_KINDS.has(kind))) {
      issues.push(
        issue(
          `${at}/x-ui/chart`,
          'chartKind',
          `x-ui.chart applies to ${[...CHART_KINDS].join(', ')} fields only, not ${kind ?? 'this field'}`,
        ),
      );
    }
    if (field['x-ui']?.filter && (!kind || UNFILTERABLE_KINDS.has(kind))) {
      issues.push(issue(`${at}/x-ui/filter`, 'filterKind', 'x-ui.filter applies to fields a list can filter on'));
    }
  }
  return issues;
}

/** Kinds lists cannot filter on (`x-ui.filter`): objects and lists of objects. */
const UNFILTERABLE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['json']);

/** Fields whose values the dashboard can count (`x-ui.chart`). */
const CHART_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['choice', 'text', 'boolean', 'manyToOne']);

/** `x-i18n.enum` labels values of the field's `enum` (or `items.enum` for an array field), and only those. */
function checkEnumLabels(at: string, field: FieldDefinition): Issue[] {
  const labels = field['x-i18n']?.enum;
  if (labels === undefined) return [];
  const values = field.type === 'array' ? field.items?.enum : field.enum;
  if (!values) {
    return [
      issue(
        `${at}/x-i18n/enum`,
        'enumLabelsWithoutEnum',
        `x-i18n.enum needs ${field.type === 'array' ? 'items.enum' : 'enum'} on the field`,
      ),
    ];
  }
  const known = new Set(values.map(String));
  return Object.keys(labels)
    .filter((value) => !known.has(value))
    .map((value) =>
      issue(
        `${at}/x-i18n/enum/${escapePointer(value)}`,
        'unknownEnumValue',
        `"${value}" is not a value of the field's ${field.type === 'array' ? 'items.enum' : 'enum'}`,
      ),
    );
}

/** A JSON pointer segment (RFC 6901). */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function checkRelation(at: string, field: FieldDefinition, context: EntityContext): Issue[] {
  const relation = field['x-relation']!;
  const issues: Issue[] = [];
  if (!context.entityIds.has(relation.entity)) {
    issues.push(
      issue(`${at}/x-relation/entity`, 'unknownEntity', `relation points at unknown entity "${relation.entity}"`),
    );
  }
  const idField = field.type === 'array' ? field.items : field;
  if (idField?.type !== 'string' || idField.format !== 'uuid') {
    issues.push(
      issue(at, 'relationFormat', 'a relation field holds uuids: type string (or array of strings) with format uuid'),
    );
  }
  return issues;
}

function checkOptions(entity: EntityDefinition, context: EntityContext): Issue[] {
  const options = entity['x-entity'];
  const issues: Issue[] = [];
  const has = (name: string) => name in entity.properties;
  if (!has(options.titleField))
    issues.push(issue('/x-entity/titleField', 'unknownField', `titleField "${options.titleField}" is not a property`));
  if (options.workflow && !context.workflowIds.has(options.workflow)) {
    issues.push(issue('/x-entity/workflow', 'unknownWorkflow', `workflow "${options.workflow}" does not exist`));
  }
  options.indexes?.forEach((fields, i) =>
    fields.forEach((name, j) => {
      if (!has(name))
        issues.push(issue(`/x-entity/indexes/${i}/${j}`, 'unknownField', `index field "${name}" is not a property`));
    }),
  );
  for (const [key, type] of Object.entries(options.recordTypes ?? {})) {
    const at = `/x-entity/recordTypes/${key}`;
    for (const list of ['required', 'fields'] as const) {
      type[list]?.forEach((name, i) => {
        if (!has(name))
          issues.push(issue(`${at}/${list}/${i}`, 'unknownField', `record type field "${name}" is not a property`));
      });
    }
    if (type.workflow && !context.workflowIds.has(type.workflow)) {
      issues.push(issue(`${at}/workflow`, 'unknownWorkflow', `workflow "${type.workflow}" does not exist`));
    }
  }
  return issues;
}

/**
 * `x-entity.agenda` names fields "My day" queries: each must exist with the kind the query needs
 * (due: date or date-time, reminder: date-time, open: a choice whose enum holds every listed value).
 */
function checkAgenda(entity: EntityDefinition): Issue[] {
  const agenda = entity['x-entity'].agenda;
  if (!agenda) return [];
  const issues: Issue[] = [];
  const at = '/x-entity/agenda';
  const kindOf = (name: string) => (entity.properties[name] ? toFieldKind(entity.properties[name]) : undefined);
  const expect = (pointer: string, name: string, kinds: string[], rule: string) => {
    const kind = kindOf(name);
    if (!(name in entity.properties))
      issues.push(issue(pointer, 'unknownField', `agenda field "${name}" is not a property`));
    else if (!kind || !kinds.includes(kind))
      issues.push(issue(pointer, 'fieldKind', `agenda field "${name}" must be ${rule}, not ${kind ?? 'unsupported'}`));
    return kind !== undefined && kinds.includes(kind);
  };
  expect(`${at}/due`, agenda.due, ['date', 'dateTime'], 'a date or date-time field');
  if (agenda.reminder !== undefined) expect(`${at}/reminder`, agenda.reminder, ['dateTime'], 'a date-time field');
  // The workflow's stage as the open field is checked with the workflows (agenda-states.ts).
  if (usesStageAsOpen(entity)) return issues;
  if (expect(`${at}/open/field`, agenda.open.field, ['choice'], 'a single choice field')) {
    const values = entity.properties[agenda.open.field]!.enum ?? [];
    agenda.open.values.forEach((value, i) => {
      if (!values.includes(value))
        issues.push(issue(`${at}/open/values/${i}`, 'enum', `"${value}" is not a value of ${agenda.open.field}`));
    });
  }
  return issues;
}

/**
 * `x-rules` compare fields that exist and can be compared: both sides dates, date-times or numbers,
 * a literal of the field's kind, a rule on a field with itself nowhere.
 */
function checkRules(entity: EntityDefinition): Issue[] {
  const issues: Issue[] = [];
  (entity['x-rules'] ?? []).forEach((rule, i) => {
    if (rule.check !== undefined) return; // a formula: check-rules.ts
    const at = `/x-rules/${i}`;
    const field = entity.properties[rule.field];
    const kind = ruleKindOf(field);
    if (!field) issues.push(issue(`${at}/field`, 'unknownField', `rule field "${rule.field}" is not a property`));
    else if (!kind)
      issues.push(
        issue(`${at}/field`, 'fieldKind', `rules compare dates, date-times and numbers, not "${rule.field}"`),
      );
    if (rule.than !== undefined) {
      const other = entity.properties[rule.than];
      if (!other) issues.push(issue(`${at}/than`, 'unknownField', `rule field "${rule.than}" is not a property`));
      else if (rule.than === rule.field)
        issues.push(issue(`${at}/than`, 'sameField', 'a rule compares two different fields'));
      else if (kind && ruleKindOf(other) !== kind) {
        issues.push(
          issue(
            `${at}/than`,
            'fieldKind',
            `"${rule.than}" (${ruleKindOf(other) ?? 'not comparable'}) cannot be compared with "${rule.field}" (${kind})`,
          ),
        );
      }
    } else if (kind && !isRuleValue(kind, rule.value)) {
      const expected =
        kind === 'number'
          ? 'a number'
          : kind === 'date'
            ? '"today" or a date (YYYY-MM-DD)'
            : '"now", "today" or a date-time';
      issues.push(issue(`${at}/value`, 'ruleValue', `a rule on "${rule.field}" compares with ${expected}`));
    }
  });
  return issues;
}

/** The definition must itself be a schema ajv can compile (bad patterns, bad defaults...). */
function checkCompiles(entity: EntityDefinition): Issue[] {
  // An unknown required name is checkNames' issue already; ajv's strict mode would only repeat it.
  const required = entity.required?.filter((name) => name in entity.properties);
  try {
    createAjv().compile({ ...entity, $id: undefined, ...(required && { required }) });
    return [];
  } catch (error) {
    return [issue('', 'schemaCompile', (error as Error).message)];
  }
}

function issue(pointer: string, keyword: string, message: string): Issue {
  return { pointer, keyword, message };
}
