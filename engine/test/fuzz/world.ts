import fc from 'fast-check';
import { openSession } from '../../src/identity/sessions.js';
import type { TestServer } from '../support/test-server.js';
import { entitySchemas, mergeOperations, resolver, type Operation } from './operations.js';
import { encodeBody, type FuzzRequest, type FuzzWorld } from './requests.js';
import type { FuzzResponse } from './oracle.js';
import { deref, validValue, type Schema } from './schema-arbitrary.js';

/*
 * The world the fuzzer plays in: every role of the published model as a real user in each of two
 * teams, records of every entity owned by several of them (so ids in paths and relations hit existing
 * records, including ones the caller may not see), saved views and real cursors; and the operations
 * of openapi.json as each role's document lists them.
 */

export interface Fuzzground extends FuzzWorld {
  operations: Operation[];
  tokens: Record<string, string>;
  /** The actors' live session tokens: no answer may show one. */
  secrets(): string[];
  send(request: FuzzRequest): Promise<FuzzResponse>;
}

const TEAMS = ['A', 'B'] as const;

export async function buildWorld(server: TestServer, seed: number): Promise<Fuzzground> {
  const api = async (token: string, method: string, path: string, body?: unknown) =>
    server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${token}` });
  const admin = server.adminToken;
  const defined = (await api(admin, 'GET', '/meta/model')).body.definitions?.roles;
  const roles = Object.keys(defined?.roles ?? defined ?? {}).sort();
  if (!roles.length) throw new Error('the model lists no roles');
  const units: Record<string, string> = {};
  const sales = (await api(admin, 'POST', '/admin/org-units', { name: '销售部 Fuzz' })).body.id as string;
  for (const team of TEAMS)
    units[team] = (
      await api(admin, 'POST', '/admin/org-units', { name: `Team ${team} 团队`, parentId: sales })
    ).body.id;
  const tokens: Record<string, string> = { admin };
  const userIds: Record<string, string> = { admin: server.admin.id };
  const token = (actor: string) => tokens[actor] ?? admin;
  for (const role of roles) {
    for (const team of TEAMS) {
      const { token, user } = await server.userToken({
        email: `${role.toLowerCase()}.${team.toLowerCase()}@fuzz.test`,
        roles: [role],
        orgUnitId: units[team],
        displayName: `${role} ${team}`,
      });
      tokens[`${role}@${team}`] = token;
      userIds[`${role}@${team}`] = user.id;
    }
  }
  // One document per role set: team A's user stands for the role (the document does not depend on the team).
  const docs: Record<string, Schema> = {};
  for (const actor of Object.keys(tokens)) {
    if (actor.endsWith('@B')) continue;
    const response = await api(token(actor), 'GET', '/openapi.json');
    if (response.status !== 200) throw new Error(`openapi.json as ${actor}: ${response.status}`);
    docs[actor] = response.body;
  }
  const operations = mergeOperations(docs);
  for (const op of operations) {
    for (const actor of [...op.actors]) if (actor.endsWith('@A')) op.actors.push(actor.replace(/@A$/, '@B'));
  }
  const adminDoc = docs.admin ?? {};
  const entities = entitySchemas(adminDoc);
  const recordIds: Record<string, string[]> = Object.fromEntries(Object.keys(entities).map((e) => [e, []]));
  const ids = {
    records: (entity: string) => recordIds[entity] ?? [],
    all: () => Object.values(recordIds).flat(),
    users: () => Object.values(userIds),
  };
  const corpus: Record<string, unknown[]> = {};
  await seedRecords(adminDoc, entities, tokens, recordIds, ids, api, seed, corpus);
  // The model as it is, for the validator, drafts and the template installer to receive slightly broken.
  const definitions = (await api(admin, 'GET', '/meta/model')).body.definitions;
  corpus['POST /meta/validate'] = [{ definitions }];
  corpus['PUT /meta/drafts/{id}'] = [{ definitions }];
  const template = await api(admin, 'GET', '/meta/template');
  if (template.status === 200) corpus['POST /meta/template/install'] = [{ ...template.body, dryRun: true }];
  // Users the admin routes may change (deactivate, reset, unlock): never one the fuzzer acts as.
  const victims: string[] = [];
  for (const [i, role] of roles.entries()) {
    victims.push(
      (
        await server.userToken({
          email: `victim${i}@fuzz.test`,
          roles: [role],
          orgUnitId: units[TEAMS[i % 2]!] ?? null,
        })
      ).user.id,
    );
  }
  const views: Record<string, string[]> = {};
  const cursors: Record<string, string[]> = {};
  for (const entity of Object.keys(entities)) {
    views[entity] = [];
    cursors[entity] = [];
    for (const actor of Object.keys(tokens)) {
      const saved = await api(token(actor), 'POST', `/views/${entity}`, {
        name: `视图 ${actor}`,
        query: { sort: '-created_at' },
      });
      if (saved.status === 201) views[entity]?.push(saved.body.id);
    }
    for (const sort of [
      '',
      '-created_at',
      'updated_at',
      ...Object.keys(entities[entity]?.properties ?? {}).slice(0, 12),
    ]) {
      const page = await api(
        admin,
        'GET',
        `/records/${entity}?limit=1${sort ? `&sort=${encodeURIComponent(sort)}` : ''}`,
      );
      if (page.body?.nextCursor) cursors[entity]?.push(page.body.nextCursor);
    }
  }
  const send = async (original: FuzzRequest): Promise<FuzzResponse> => {
    const request = original.currentVersion ? await withCurrentVersion(original) : original;
    const headers: Record<string, string> = { ...request.headers };
    if (request.actor === 'bad-bearer') headers.authorization = 'Bearer not-a-real-token-ÿ';
    else if (request.actor === 'basic') headers.authorization = 'Basic YWRtaW46YWRtaW4=';
    else if (request.actor !== 'anonymous') headers.authorization = `Bearer ${tokens[request.actor]}`;
    const query = new URLSearchParams(request.query).toString();
    const body = encodeBody(request);
    const response = await fetch(`${server.url}/api/v1${request.path}${query ? `?${query}` : ''}`, {
      method: request.method,
      headers,
      ...(body && { body: new Uint8Array(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    // Logging out (or a password change) ends the actor's session: it signs in again for the next request.
    const userId = userIds[request.actor];
    if (response.status === 401 && userId)
      tokens[request.actor] = (await openSession(server.testDb.db.knex, userId, new Date())).token;
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  };
  /** The request with the version its record is at now (as the administrator reads it), where it says which version it changes. */
  const withCurrentVersion = async (request: FuzzRequest): Promise<FuzzRequest> => {
    const recordPath = request.path.replace(/\/events$/, '');
    const stored = await api(admin, 'GET', recordPath);
    const version = stored.status === 200 ? (stored.body.version as number) : undefined;
    if (version === undefined) return request;
    const value = request.body?.kind === 'json' ? request.body.value : undefined;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'version' in value)
      return { ...request, body: { kind: 'json', value: { ...value, version } } };
    return { ...request, headers: { ...request.headers, 'if-match': `"${version}"` } };
  };
  return {
    operations,
    tokens,
    secrets: () => Object.values(tokens),
    corpus,
    entities,
    ids,
    cursors,
    views,
    victims,
    send,
  };
}

/** Records of every entity, created by every actor who may (valid values from the create schemas), until each entity has some. */
async function seedRecords(
  doc: Schema,
  entities: Record<string, Schema>,
  tokens: Record<string, string>,
  recordIds: Record<string, string[]>,
  ids: FuzzWorld['ids'],
  api: (
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: { id?: string } }>,
  seed: number,
  corpus: Record<string, unknown[]>,
): Promise<void> {
  const resolve = resolver(doc);
  const ctx = { resolve, ids };
  // Three rounds: records that link to others find their targets once those exist.
  for (let round = 0; round < 3; round++) {
    for (const entity of Object.keys(entities)) {
      const schema = doc.paths[`/records/${entity}`]?.post?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const top = deref(schema, ctx);
      const required = new Set<string>(
        [top, ...(top.oneOf ?? [])].flatMap((branch: Schema) => [
          ...(deref(branch, ctx).required ?? []),
          'record_type',
        ]),
      );
      for (const actor of Object.keys(tokens)) {
        const samples = fc.sample(validValue(schema, { resolve, ids }), {
          seed: seed + round * 7919 + actor.length,
          numRuns: round === 0 ? 2 : 1,
        });
        for (const sample of samples) {
          const { owner_id: _owner, ...body } = sample as Record<string, unknown>;
          let created = await api(tokens[actor] ?? '', 'POST', `/records/${entity}`, body);
          // Some optional field the generator got wrong: the required ones alone make a record too.
          if (created.status === 422)
            created = await api(
              tokens[actor] ?? '',
              'POST',
              `/records/${entity}`,
              Object.fromEntries(Object.entries(body).filter(([key]) => required.has(key))),
            );
          if (created.status === 201 && created.body.id) {
            recordIds[entity]?.push(created.body.id);
            (corpus[`POST /records/${entity}`] ??= []).push(body);
            (corpus[`PATCH /records/${entity}/{id}`] ??= []).push(body);
          }
        }
      }
    }
  }
  const empty = Object.keys(recordIds).filter((e) => !recordIds[e]?.length);
  if (empty.length) console.warn(`[fuzz] could not seed records of: ${empty.join(', ')}`);
}
