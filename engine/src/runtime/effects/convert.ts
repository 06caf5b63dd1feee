import type { Knex } from 'knex';
import type { DuplicateMatch } from '@lodestar/core';
import { TransitionRefused, type Text } from '../../errors.js';
import { findDuplicates } from '../../duplicates/find-duplicates.js';
import type { CompiledEntity } from '../../model/compile-model.js';
import type { ModelAccess } from '../../permissions/model-access.js';
import { viewOf } from '../../records/record-permissions.js';
import { isFilled } from '../../workflow/reference.js';
import { PARTS, type ConvertEffect } from '../../workflow/actions/convert.js';
import type { EffectsInput } from './effects-input.js';
import { createTarget, entityText, ownerOf } from './create-record.js';

/**
 * Converts the record (a lead) on its transition's transaction: the customer is found by the customer
 * entity's duplicate check or created, then the contact and the opportunity are created linked to it.
 * Any refusal refuses the transition, so all three or none exist. Answers the lead's fields that keep
 * what it became, set in the transition's own update; a lead holding any of them is refused.
 */
export async function runConvert(
  trx: Knex,
  effect: ConvertEffect,
  input: EffectsInput,
  sight: ModelAccess | undefined,
): Promise<Record<string, unknown>> {
  refuseIfConverted(effect, input);
  const entities = input.model.entities;
  const customerEntity = entities.get(effect.customer.entity)!;
  const owner = await ownerOf(trx, effect.owner, input, customerEntity);
  const runAs = effect.runAs;
  const create = (entity: CompiledEntity, values: Record<string, unknown>) =>
    createTarget(trx, input, sight, { entity, values, runAs, ...(owner && { owner }) });
  const customerId =
    (effect.reuse === 'never' ? undefined : await existingCustomer(trx, effect, input, sight, customerEntity)) ??
    ((await create(customerEntity, effect.customer.values)).id as string);
  const became: Record<string, unknown> = { [effect.customer.storeIn]: customerId };
  let contactId: string | undefined;
  if (effect.contact) {
    const { entity, values, link, storeIn } = effect.contact;
    contactId = (await create(entities.get(entity)!, { ...values, [link!]: customerId })).id as string;
    became[storeIn] = contactId;
  }
  if (effect.opportunity) {
    const { entity, values, link, contactLink, storeIn } = effect.opportunity;
    const linked = { ...values, [link!]: customerId, ...(contactLink && contactId && { [contactLink]: contactId }) };
    became[storeIn] = (await create(entities.get(entity)!, linked)).id;
  }
  return became;
}

/** A lead that already became something (any of the fields that keep it is filled) converts once only. */
function refuseIfConverted(effect: ConvertEffect, input: EffectsInput): void {
  const done = PARTS.flatMap((name) => effect[name] ?? []).filter((part) => isFilled(input.record[part.storeIn]));
  if (!done.length) return;
  const what = entityText(input.entity);
  const fields = done.map((part) => fieldTitle(input.entity, part.storeIn));
  const reason: Text = {
    en: `this ${what.en} has already been converted (${fields.map((f) => f.en).join(', ')} filled in); it converts only once`,
    zh: `该${what.zh}已经转化过（${fields.map((f) => `“${f.zh}”`).join('、')}已有值），不能再次转化`,
  };
  throw new TransitionRefused(reason, { extra: { reason } });
}

/**
 * The customer the lead already is, by the customer entity's own duplicate check (unique keys, then the
 * same normalised name, code or phone; a merely similar name is never taken): the strongest match, if
 * `reuse` accepts its reason. A match the actor may not read is not linked behind their back: the
 * conversion is refused with what the check may reveal of it (x-entity.duplicates.reveal).
 */
async function existingCustomer(
  trx: Knex,
  effect: ConvertEffect,
  input: EffectsInput,
  sight: ModelAccess | undefined,
  entity: CompiledEntity,
): Promise<string | undefined> {
  const ctx = { knex: trx, model: input.model, entity, ...(sight && { access: sight }) };
  const visible = viewOf(ctx).fields;
  const probe = Object.fromEntries(
    Object.entries(effect.customer.values).filter(
      ([name, value]) => visible.has(name) && ['string', 'number', 'boolean'].includes(typeof value),
    ),
  );
  if (!Object.keys(probe).length) return undefined;
  const { matches } = await findDuplicates(ctx, probe);
  // The check turns sequential scans off for its own statements (SET LOCAL): the rest of the transition plans as usual.
  await trx.raw('set local enable_seqscan to default');
  const accepted = (match: DuplicateMatch) =>
    match.reasons.some((reason) => reason.kind === 'unique' || (effect.reuse === 'same' && reason.kind === 'same'));
  const top = matches.find(accepted);
  if (!top) return undefined;
  if (top.readable && top.id) return top.id;
  const reason: Text = {
    en: `${top.text.en}, which you cannot see: the ${entityText(input.entity).en} cannot be converted into it; ask its owner or an administrator`,
    zh: `${top.text.zh}，但您无权查看，无法把该${entityText(input.entity).zh}转化到这个客户；请联系其负责人或管理员`,
  };
  throw new TransitionRefused(reason, { extra: { reason } });
}

function fieldTitle(entity: CompiledEntity, name: string): Text {
  const field = entity.fields.get(name)?.definition;
  const en = field?.['x-i18n']?.title?.en ?? field?.title ?? name;
  return { en, zh: field?.['x-i18n']?.title?.zh ?? en };
}
