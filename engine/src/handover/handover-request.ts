import { ValidationError, type Issue } from '../errors.js';

/**
 * Who hands over to whom (by user id or email), which entities (default: all), only open records
 * (not in a final workflow state), or only count.
 */
export interface HandoverRequest {
  fromUserId?: string;
  fromEmail?: string;
  toUserId?: string;
  toEmail?: string;
  entities?: string[];
  onlyOpen?: boolean;
  dryRun?: boolean;
}

const TEXT_KEYS = ['fromUserId', 'fromEmail', 'toUserId', 'toEmail'] as const;
const FLAG_KEYS = ['onlyOpen', 'dryRun'] as const;

/** The JSON body of POST /admin/handover as a request; 422 naming every ill-typed member. */
export function parseHandoverRequest(body: unknown): HandoverRequest {
  const input = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  const request: HandoverRequest = {};
  for (const key of TEXT_KEYS) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim()) request[key] = value.trim();
    else issues.push({ pointer: `/${key}`, keyword: 'type', message: 'must be a non-empty string' });
  }
  for (const key of FLAG_KEYS) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'boolean') request[key] = value;
    else issues.push({ pointer: `/${key}`, keyword: 'type', message: 'must be true or false' });
  }
  const entities = input.entities;
  if (entities !== undefined && entities !== null) {
    if (!Array.isArray(entities)) issues.push({ pointer: '/entities', keyword: 'type', message: 'must be a list of entity ids' });
    else {
      entities.forEach((entity, i) => {
        if (typeof entity !== 'string') issues.push({ pointer: `/entities/${i}`, keyword: 'type', message: 'must be an entity id' });
      });
      request.entities = entities.filter((entity): entity is string => typeof entity === 'string');
    }
  }
  if (issues.length) throw new ValidationError(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), { issues });
  return request;
}
