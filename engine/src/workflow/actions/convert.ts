import type { EntityDefinition } from '../../definitions/entity.js';
import { issueOf, type Issue } from '../../errors.js';
import type { FieldUse } from '../reference.js';
import { checkCopy, checkManyToOne, copyPairs, entityTitle, type Copy } from './copy-checks.js';
import {
  checkCreatable,
  checkOwner,
  computedValues,
  COPY_SCHEMA,
  OWNER_SCHEMA,
  planOwner,
  planValues,
  RUN_AS_SCHEMA,
  VALUES_SCHEMA,
  valueUses,
} from './create-record.js';
import { PARTS, type ConvertPartPlan, type OwnerChoice, type PartName, type Reuse } from './carry-forward-effects.js';
import type { ActionSpec } from './types.js';

/*
 * Lead conversion: one lead becomes a customer (or is matched to an existing one by the customer's
 * duplicate check), a contact and an opportunity, all linked to that customer, in the lead's own
 * transition. Defaults, so a definition names only what differs:
 *   entity        the part's name (customer, contact, opportunity)
 *   storeIn       converted<Part> on the lead (convertedCustomer …), a many-to-one to the part's entity
 *   link          on the contact and the opportunity: the field named after the customer entity
 *   contactLink   on the opportunity: none (name a many-to-one to the contact to fill it)
 *   reuse         "same": an existing customer with the same unique key (统一社会信用代码) or the same
 *                 normalised name, code or phone (x-entity.duplicates.match) is reused; "unique": only
 *                 a unique key; "never": always create
 * Copying is explicit (`copy`); nothing is copied unless named.
 */

export { PARTS } from './carry-forward-effects.js';
export type { ConvertEffect, ConvertPartPlan, PartName, Reuse } from './carry-forward-effects.js';

interface Part {
  entity?: string;
  recordType?: string;
  copy?: Copy;
  values?: Record<string, unknown>;
  storeIn?: string;
  link?: string;
  contactLink?: string;
}

type Params = {
  customer?: Part;
  contact?: Part | false;
  opportunity?: Part | false;
  reuse?: Reuse;
  owner?: OwnerChoice;
  runAs?: 'engine' | 'actor';
};

const FIELD = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' };

const partSchema = (extra: Record<string, unknown>) => ({
  type: 'object',
  properties: {
    entity: { type: 'string', minLength: 1 },
    recordType: { type: 'string', minLength: 1 },
    copy: COPY_SCHEMA,
    values: VALUES_SCHEMA,
    storeIn: FIELD,
    ...extra,
  },
  additionalProperties: false,
});

/** The part as written, with its defaults; undefined for a part turned off (`contact: false`). */
function partOf(params: Params, name: PartName): (Part & { entity: string; storeIn: string }) | undefined {
  const part = params[name];
  if (part === false) return undefined;
  return {
    ...part,
    entity: part?.entity ?? name,
    storeIn: part?.storeIn ?? `converted${name[0]!.toUpperCase()}${name.slice(1)}`,
    ...(name !== 'customer' && { link: part?.link ?? customerEntity(params) }),
  };
}

function customerEntity(params: Params): string {
  return params.customer?.entity ?? 'customer';
}

export const convert: ActionSpec<Params> = {
  name: 'convert',
  phase: 'inTransaction',
  params: {
    type: 'object',
    properties: {
      customer: partSchema({}),
      contact: { oneOf: [{ const: false }, partSchema({ link: FIELD })] },
      opportunity: { oneOf: [{ const: false }, partSchema({ link: FIELD, contactLink: FIELD })] },
      reuse: { enum: ['same', 'unique', 'never'] },
      owner: OWNER_SCHEMA,
      runAs: RUN_AS_SCHEMA,
    },
    additionalProperties: false,
  },
  plan(ctx, params) {
    const plans: Partial<Record<PartName, ConvertPartPlan>> = {};
    for (const name of PARTS) {
      const part = partOf(params, name);
      if (!part) continue;
      plans[name] = {
        entity: part.entity,
        values: planValues(ctx, part),
        storeIn: part.storeIn,
        ...(part.link && { link: part.link }),
        ...(part.contactLink && plans.contact && { contactLink: part.contactLink }),
      };
    }
    const owner = planOwner(params.owner, ctx);
    return {
      kind: 'convert',
      phase: 'inTransaction',
      customer: plans.customer!,
      ...(plans.contact && { contact: plans.contact }),
      ...(plans.opportunity && { opportunity: plans.opportunity }),
      reuse: params.reuse ?? 'same',
      ...(owner && { owner }),
      ...(params.runAs === 'actor' && { runAs: 'actor' as const }),
    };
  },
  fields: (params) =>
    PARTS.flatMap((name): FieldUse[] => {
      const part = partOf(params, name);
      return part?.values ? valueUses(part.entity, `/${name}/entity`, part.values, `/${name}`) : [];
    }),
  check: (params, { bound, find }) => {
    if (!bound) return [];
    const issues: Issue[] = [...checkOwner(params.owner, undefined, bound, '')];
    const customer = find(customerEntity(params));
    const contactPart = partOf(params, 'contact');
    const contact = contactPart && find(contactPart.entity);
    for (const name of PARTS) {
      const part = partOf(params, name);
      if (!part) continue;
      const at = params[name] ? `/${name}` : '';
      const entity = find(part.entity);
      if (!entity) {
        issues.push(unknownEntity(part.entity, params[name] && params[name].entity ? `${at}/entity` : at));
        continue;
      }
      const written = params[name] || {};
      const pointers = { at, storeIn: written.storeIn ? `${at}/storeIn` : at, link: written.link ? `${at}/link` : at };
      issues.push(...checkPart(part, pointers, { bound, entity, customer, contact }));
    }
    return issues;
  },
};

function checkPart(
  part: Part & { entity: string; storeIn: string },
  pointers: { at: string; storeIn: string; link: string },
  defs: {
    bound: EntityDefinition;
    entity: EntityDefinition;
    customer: EntityDefinition | undefined;
    contact: EntityDefinition | undefined;
  },
): Issue[] {
  const { bound, entity, customer, contact } = defs;
  const { at, link } = { at: pointers.at, link: part.link };
  const pairs = copyPairs(part.copy);
  const given: Record<string, unknown> = { ...part.values };
  for (const [to] of pairs) given[to] = true;
  if (link) given[link] = true;
  if (part.contactLink) given[part.contactLink] = true;
  if (part.recordType !== undefined) given.record_type = part.recordType;
  const issues = checkCreatable(entity, given, {
    type: part.recordType !== undefined ? `${at}/recordType` : at,
    missing: at,
  });
  issues.push(...computedValues(entity, part.values ?? {}, at));
  issues.push(...checkCopy(pairs, bound, entity, `${at}/copy`, part.copy !== undefined && !Array.isArray(part.copy)));
  issues.push(
    ...checkManyToOne(bound, part.storeIn, entity, pointers.storeIn, {
      en: `records what the ${entityTitle(bound).en} became (and refuses a second conversion)`,
      zh: `记录${entityTitle(bound).zh}转化成了什么（并拒绝重复转化）`,
    }),
  );
  if (link && customer)
    issues.push(
      ...checkManyToOne(entity, link, customer, pointers.link, {
        en: `links the new ${entityTitle(entity).en} to the customer`,
        zh: `把新建的${entityTitle(entity).zh}关联到客户`,
      }),
    );
  if (part.contactLink) {
    if (!contact)
      issues.push(
        issueOf(`${at}/contactLink`, 'required', {
          en: 'contactLink needs the conversion to create a contact',
          zh: 'contactLink 需要转化时同时创建联系人',
        }),
      );
    else
      issues.push(
        ...checkManyToOne(entity, part.contactLink, contact, `${at}/contactLink`, {
          en: `links the new ${entityTitle(entity).en} to the new contact`,
          zh: `把新建的${entityTitle(entity).zh}关联到新建的联系人`,
        }),
      );
  }
  return issues;
}

function unknownEntity(id: string, pointer: string): Issue {
  return issueOf(pointer, 'unknownEntity', {
    en: `entity "${id}" does not exist`,
    zh: `业务对象“${id}”不存在`,
  });
}
