import { json, problems, ref } from '../openapi/common.js';
import { contract, object, text, uuid } from './spec.js';

const tags = ['system'];
const NO_DELEGATION = { en: 'there is no such delegation', zh: '没有这项审批委托' };

/** A delegation as it is set: to whom, from when (now when absent) until when. */
export const DELEGATION_BODY = object(
  {
    delegateId: uuid,
    startsAt: text({ format: 'date-time', description: 'When the delegation starts; now when absent.' }),
    endsAt: text({ format: 'date-time', description: 'When it ends: after it starts, within a year.' }),
  },
  ['delegateId', 'endsAt'],
  { additionalProperties: false },
);

const user = { userId: { schema: uuid, description: 'The user whose approvals are delegated.' } };

/** `/delegations`: users hand their approvals to someone else while away; administrators may set anyone's. */
export const DELEGATIONS = contract('/delegations', {
  mine: {
    method: 'get',
    path: '/me',
    operationId: 'delegationMine',
    tags,
    summary: "The caller's delegation of approvals, and who delegated theirs to the caller",
    responses: { 200: json('The delegation, if any.', ref('MyDelegation')) },
  },
  setMine: {
    method: 'put',
    path: '/me',
    operationId: 'delegationSetMine',
    tags,
    summary: "Delegate the caller's approvals to another active user for a period (replaces the caller's delegation)",
    body: DELEGATION_BODY,
    responses: { 200: json('The delegation.', ref('ApprovalDelegation')), ...problems(422) },
  },
  clearMine: {
    method: 'delete',
    path: '/me',
    operationId: 'delegationClearMine',
    tags,
    summary: "End the caller's delegation",
    responses: { 204: { description: 'Cleared (or there was none).' } },
  },
  list: {
    method: 'get',
    path: '/',
    operationId: 'delegationList',
    tags,
    summary: 'Every delegation running or to come (administrators)',
    responses: { 200: json('Delegations, ending soonest first.', ref('DelegationList')) },
  },
  set: {
    method: 'put',
    path: '/:userId',
    operationId: 'delegationSet',
    tags,
    summary: "Set a user's delegation of approvals (administrators)",
    params: user,
    notFound: NO_DELEGATION,
    body: DELEGATION_BODY,
    responses: { 200: json('The delegation.', ref('ApprovalDelegation')), ...problems(404, 422) },
  },
  clear: {
    method: 'delete',
    path: '/:userId',
    operationId: 'delegationClear',
    tags,
    summary: "End a user's delegation (administrators)",
    params: user,
    notFound: NO_DELEGATION,
    responses: { 204: { description: 'Cleared.' }, ...problems(404) },
  },
});
