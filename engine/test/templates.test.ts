import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../src/definitions/create-ajv.js';
import type { DefinitionSet, SourceFiles } from '../src/definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition, LocalizedText } from '../src/definitions/entity.js';
import { readFolder, type TemplateManifest } from '../src/definitions/read-folder.js';
import { listRoleReferences } from '../src/definitions/role-references.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { validateRoles } from '../src/definitions/validate-roles.js';
import type { NamedReference } from '../src/definitions/workflow.js';
import { bindingOf } from '../src/model/workflow-binding.js';
import { validateRecord } from '../src/records/validate-record.js';
import { toFieldKind } from '../src/schema/column-types.js';
import { toEffectiveSchema, visibleFields } from '../src/schema/record-types.js';
import { allowedEvents } from '../src/workflow/allowed-events.js';
import { compileMachine, type CompiledWorkflow } from '../src/workflow/compile-machine.js';
import { decide, decideStart } from '../src/workflow/decide.js';
import type { Actor } from '../src/actor.js';
import { listTransitions } from '../src/workflow/transitions.js';
import { missingTranslations, reachable, workflowLabelGaps } from './support/definition-checks.js';
import { isAddonManifest, toAddonParts } from '../src/versions/addon-parts.js';
import { mergeAddon, mergedFiles } from '../src/versions/merge-addon.js';
import { readTemplateFolder } from '../src/versions/template-folder.js';
import { REPO_ROOT } from './support/paths.js';
import { Walk, WALK_NOW } from './support/workflow-walk.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Every industry template under templates/: read the way the engine reads a definitions folder,
 * validated, compiled; then the project-delivery template walked with the pure `decide()` and
 * started once over HTTP.
 */

const TEMPLATES_DIR = join(REPO_ROOT, 'templates');
const TEMPLATES = readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Loaded {
  set: DefinitionSet;
  files: SourceFiles;
  manifest: TemplateManifest | undefined;
}

const loaded = new Map<string, Loaded>();

async function load(name: string): Promise<Loaded> {
  const cached = loaded.get(name);
  if (cached) return cached;
  const { set, files, manifest } = await readFolder(join(TEMPLATES_DIR, name));
  // An add-on is checked as it is used: merged into the standard CRM (the repo root's definitions).
  if (isAddonManifest(manifest as { extends?: unknown } | undefined)) {
    const parts = toAddonParts(await readTemplateFolder(join(TEMPLATES_DIR, name)));
    const merged = mergeAddon((await readFolder(REPO_ROOT)).set, parts, { others: [] });
    expect(merged.issues).toEqual([]);
    const result = { set: merged.set, files: mergedFiles(merged.set), manifest };
    loaded.set(name, result);
    return result;
  }
  const result = { set, files, manifest };
  loaded.set(name, result);
  return result;
}

/** Fields a guard or action names, with whether it writes them (nested guards included). */
function namedFields(ref: NamedReference | string): { field: string; write: boolean }[] {
  if (typeof ref === 'string') return [];
  const params = (ref.params ?? {}) as Record<string, unknown>;
  switch (ref.type) {
    case 'requireFields':
      return (params.fields as string[]).map((field) => ({ field, write: false }));
    case 'fieldCompare':
      return [{ field: params.field as string, write: false }];
    case 'setField': {
      const from =
        typeof params.valueFrom === 'string' && params.valueFrom.startsWith('record.')
          ? [{ field: params.valueFrom.slice(7), write: false }]
          : [];
      return [{ field: params.field as string, write: true }, ...from];
    }
    case 'all':
    case 'any':
      return (params.guards as (NamedReference | string)[]).flatMap(namedFields);
    case 'not':
      return namedFields(params.guard as NamedReference | string);
    default:
      return [];
  }
}

describe('templates/', () => {
  it('holds at least the project-delivery template', () => {
    expect(TEMPLATES).toContain('project-delivery');
  });
});

describe.each(TEMPLATES)('template %s', (name) => {
  let t: Loaded;
  beforeAll(async () => {
    t = await load(name);
  });

  it('has a manifest named after its folder, with a version and a bilingual title and description', () => {
    expect(t.manifest).toMatchObject({ name, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const manifest = t.manifest as TemplateManifest & { description?: LocalizedText };
    expect(missingTranslations(manifest.title as LocalizedText)).toEqual([]);
    expect(missingTranslations(manifest.description)).toEqual([]);
  });

  it('validates with the engine without issues', () => {
    expect(t.set.entities.length).toBeGreaterThan(0);
    expect(validateDefinitionSet(t.set, t.files)).toEqual([]);
  });

  it('defines its roles in roles.json, titled and described in Chinese and English, covering every role its workflows name', () => {
    expect(t.files.roles).toBe('roles.json');
    const roles = t.set.roles?.roles ?? {};
    expect(Object.keys(roles)).toContain('admin');
    expect(validateRoles(t.set.roles, t.set)).toEqual([]);
    const gaps = Object.entries(roles).flatMap(([id, r]) => [
      ...missingTranslations(r.title).map((lang) => `${id}: title.${lang}`),
      ...missingTranslations(r.description).map((lang) => `${id}: description.${lang}`),
    ]);
    expect(gaps).toEqual([]);
    const named = t.set.workflows.flatMap((w) => listRoleReferences(w).map((r) => r.role));
    expect(named.filter((role) => !(role in roles))).toEqual([]);
  });

  it('compiles every workflow, each starting in its initial state', () => {
    expect(t.set.workflows.length).toBeGreaterThan(0);
    for (const workflow of t.set.workflows) {
      const compiled = compileMachine(workflow);
      expect(compiled.machine.id, workflow.id).toBe(workflow.id);
      expect(decideStart(compiled, { record: {}, actor: { id: 'u', roles: [] } }).to, workflow.id).toBe(
        workflow.initial,
      );
    }
  });

  it('titles every entity, field, help text, record type, section, workflow, state and event in Chinese and English', () => {
    const gaps: string[] = [];
    for (const e of t.set.entities) {
      for (const lang of missingTranslations(e['x-i18n']?.title)) gaps.push(`${e.$id}: title.${lang}`);
      for (const [field, def] of Object.entries(e.properties)) {
        for (const lang of missingTranslations(def['x-i18n']?.title)) gaps.push(`${e.$id}.${field}: title.${lang}`);
        if (def['x-ui']?.help !== undefined)
          for (const lang of missingTranslations(def['x-ui'].help)) gaps.push(`${e.$id}.${field}: help.${lang}`);
      }
      for (const [key, type] of Object.entries(e['x-entity'].recordTypes ?? {})) {
        for (const lang of missingTranslations(type.title)) gaps.push(`${e.$id} record type ${key}: ${lang}`);
      }
      for (const section of e['x-entity'].sections ?? []) {
        for (const lang of missingTranslations(section.title)) gaps.push(`${e.$id} section ${section.id}: ${lang}`);
      }
    }
    gaps.push(...t.set.workflows.flatMap(workflowLabelGaps));
    expect(gaps).toEqual([]);
  });

  it('bounds every text field and places every field in a declared section', () => {
    const gaps: string[] = [];
    const textKinds = new Set(['text', 'longText', 'email', 'phone', 'url']);
    for (const e of t.set.entities) {
      const sections = new Set((e['x-entity'].sections ?? []).map((s) => s.id));
      for (const [field, def] of Object.entries(e.properties)) {
        const kind = toFieldKind(def);
        if (kind && textKinds.has(kind) && def.maxLength === undefined) gaps.push(`${e.$id}.${field}: maxLength`);
        if (kind === 'textList' && (def.items as FieldDefinition).maxLength === undefined)
          gaps.push(`${e.$id}.${field}: items.maxLength`);
        const section = def['x-ui']?.section;
        if (!section || !sections.has(section)) gaps.push(`${e.$id}.${field}: section "${String(section)}"`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('reaches every state from the initial one and leaves every non-final state', () => {
    for (const wf of t.set.workflows) {
      expect([...reachable(wf)].sort(), wf.id).toEqual(Object.keys(wf.states).sort());
      for (const [state, def] of Object.entries(wf.states)) {
        if (def.type !== 'final') expect(Object.keys(def.on ?? {}).length, `${wf.id}.${state}`).toBeGreaterThan(0);
      }
    }
  });

  it('names in guards and actions only fields the bound record type shows (a hidden field could never be filled)', () => {
    const gaps: string[] = [];
    for (const wf of t.set.workflows) {
      const entity = t.set.entities.find((e) => e.$id === wf.meta.entity)!;
      const shown = new Set(visibleFields(entity, wf.meta.recordType));
      for (const [state, def] of Object.entries(wf.states)) {
        const refs = [
          ...(def.entry ?? []),
          ...(def.exit ?? []),
          ...listTransitions(def, '').flatMap(({ definition }) => [
            ...(definition.guard ? [definition.guard] : []),
            ...(definition.actions ?? []),
          ]),
        ];
        for (const { field } of refs.flatMap(namedFields)) {
          if (!(field in entity.properties)) continue; // system columns (owner_id, state) are on every record
          if (!shown.has(field))
            gaps.push(`${wf.id}.${state}: ${field} is not shown for ${wf.meta.recordType ?? entity.$id}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// project-delivery

const now = WALK_NOW;
const DAY = 86_400_000;
const engineer: Actor = { id: 'u-engineer', roles: ['engineer'] };
const projectManager: Actor = { id: 'u-pm', roles: ['projectManager'] };
const deliveryDirector: Actor = { id: 'u-director', roles: ['deliveryDirector'] };

const CUSTOMER_ID = '3f6b1c9a-2d4e-4a8b-b1c3-5e7f9a0b2c4d';
const PROJECT_ID = '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';

const IMPLEMENTATION = {
  name: '西湖区政务数据共享平台建设项目',
  code: 'SI-2026-017',
  customer: CUSTOMER_ID,
  level: 'key',
  contractAmount: 2_860_000,
  plannedGoLiveDate: '2026-08-31',
  plannedAcceptanceDate: '2026-11-30',
  warrantyMonths: 12,
};
const MAINTENANCE = {
  name: '西湖区电子政务外网 2026 年度运维服务',
  customer: CUSTOMER_ID,
  serviceLevel: 'gold',
  serviceStartDate: '2026-01-01',
  serviceEndDate: '2026-12-31',
  annualFee: 380_000,
  responseHours: 2,
  inspectionsPerYear: 4,
};

describe('project-delivery', () => {
  let t: Loaded;
  const entity = (id: string): EntityDefinition => t.set.entities.find((e) => e.$id === id)!;
  const workflow = (id: string): CompiledWorkflow => {
    const definition = t.set.workflows.find((w) => w.id === id);
    if (!definition) throw new Error(`workflow "${id}" is missing`);
    return compileMachine(definition);
  };
  const check = (entityId: string, recordType: string | undefined, values: Record<string, unknown>) =>
    validateRecord(createAjv().compile(toEffectiveSchema(entity(entityId), recordType)), values);

  beforeAll(async () => {
    t = await load('project-delivery');
  });

  it('defines customers, contacts, projects, milestones and timesheets, and binds one workflow per project type', () => {
    expect(t.set.entities.map((e) => e.$id).sort()).toEqual([
      'contact',
      'customer',
      'milestone',
      'project',
      'timesheet',
    ]);
    expect(t.set.workflows.map((w) => [w.id, w.meta.entity, w.meta.recordType]).sort()).toEqual([
      ['project-implementation', 'project', 'implementation'],
      ['project-maintenance', 'project', 'maintenance'],
      ['timesheet-approval', 'timesheet', undefined],
    ]);
    const project = entity('project');
    expect(bindingOf(project, t.set.workflows, 'implementation')?.id).toBe('project-implementation');
    expect(bindingOf(project, t.set.workflows, 'maintenance')?.id).toBe('project-maintenance');
    expect(bindingOf(entity('timesheet'), t.set.workflows, undefined)?.id).toBe('timesheet-approval');
    expect(bindingOf(entity('milestone'), t.set.workflows, undefined)).toBeUndefined();
  });

  it('defines the delivery roles: directors approve acceptance, project managers approve timesheets without editing them, engineers see no money', () => {
    const roles = t.set.roles!.roles;
    expect(Object.keys(roles).sort()).toEqual(['admin', 'deliveryDirector', 'engineer', 'projectManager']);
    expect(roles.deliveryDirector!.entities.project).toMatchObject({
      read: 'all',
      update: 'all',
      events: { APPROVE: 'all', REJECT: 'all', CANCEL: 'all' },
    });
    expect(roles.projectManager!.entities.project).toMatchObject({
      update: 'own',
      events: { APPROVE: 'none', REJECT: 'none', CANCEL: 'none' },
    });
    expect(roles.projectManager!.entities.timesheet).toMatchObject({
      read: 'team',
      update: 'own',
      events: { APPROVE: 'team', REJECT: 'team' },
    });
    expect(roles.engineer!.entities.project?.fields).toEqual({ contractAmount: 'hidden', annualFee: 'hidden' });
    expect(roles.engineer!.entities.milestone?.fields).toEqual({ paymentAmount: 'hidden' });
    expect(roles.engineer!.entities.timesheet).toMatchObject({
      create: 'own',
      update: 'own',
      fields: { billable: 'readOnly' },
    });
    expect(roles.engineer!.entities.project?.update ?? 'none').toBe('none');
  });

  it('gives each project type its own required and visible fields', () => {
    const types = entity('project')['x-entity'].recordTypes!;
    expect(types.implementation?.required).toEqual(['contractAmount', 'plannedGoLiveDate', 'plannedAcceptanceDate']);
    expect(types.maintenance?.required).toEqual(['serviceLevel', 'serviceStartDate', 'serviceEndDate']);
    expect(check('project', 'implementation', IMPLEMENTATION)).toEqual([]);
    expect(check('project', 'maintenance', MAINTENANCE)).toEqual([]);
    const { contractAmount: _a, ...noAmount } = IMPLEMENTATION;
    expect(check('project', 'implementation', noAmount)).toEqual([
      expect.objectContaining({ pointer: '/contractAmount', keyword: 'required' }),
    ]);
    const { serviceEndDate: _e, ...noEnd } = MAINTENANCE;
    expect(check('project', 'maintenance', noEnd)).toEqual([
      expect.objectContaining({ pointer: '/serviceEndDate', keyword: 'required' }),
    ]);
    expect(check('project', 'maintenance', { ...MAINTENANCE, acceptanceDate: '2026-11-30' })).toEqual([
      expect.objectContaining({ pointer: '/acceptanceDate', keyword: 'additionalProperties' }),
    ]);
    expect(check('project', 'implementation', { ...IMPLEMENTATION, serviceLevel: 'gold' })).toEqual([
      expect.objectContaining({ pointer: '/serviceLevel', keyword: 'additionalProperties' }),
    ]);
  });

  it('accepts a realistic milestone and timesheet and refuses odd hours', () => {
    const milestone = {
      name: '系统上线',
      project: PROJECT_ID,
      sequence: 1,
      plannedDate: '2026-08-31',
      isPaymentMilestone: true,
      paymentPercent: 40,
      paymentAmount: 1_144_000,
    };
    expect(check('milestone', undefined, milestone)).toEqual([]);
    const timesheet = {
      subject: '现场部署数据交换平台',
      project: PROJECT_ID,
      workDate: '2026-09-02',
      hours: 7.5,
      workType: 'deployment',
      location: 'onsite',
      details: '完成 3 台前置机部署与联调。',
    };
    expect(check('timesheet', undefined, timesheet)).toEqual([]);
    expect(check('timesheet', undefined, { ...timesheet, hours: 7.3 })).toEqual([
      expect.objectContaining({ pointer: '/hours', keyword: 'multipleOf' }),
    ]);
    expect(check('timesheet', undefined, { ...timesheet, hours: 25 })).toEqual([
      expect.objectContaining({ pointer: '/hours', keyword: 'maximum' }),
    ]);
  });

  describe('project-implementation', () => {
    const project = { id: PROJECT_ID, record_type: 'implementation', ...IMPLEMENTATION };

    it('walks 立项 → 需求调研 → 方案设计 → 开发实施 → 上线试运行 → 验收 → 结项, each guard blocking with its reason until its field is set', () => {
      const wf = workflow('project-implementation');
      expect(decideStart(wf, { record: project, actor: projectManager, now }).to).toBe('initiation');
      const walk = new Walk(wf, 'initiation', project);
      expect(wf.definition.states.initiation!.meta!.title).toEqual({ zh: '立项', en: 'Initiation' });

      expect(walk.try('KICK_OFF', projectManager)).toMatchObject({
        ok: false,
        guard: 'requireFields',
        reason: {
          en: 'required fields missing: contractNo, plannedStartDate, owner_id',
          zh: '缺少必填字段：contractNo、plannedStartDate、owner_id',
        },
      });
      walk.set({ contractNo: 'HT-2026-0315', plannedStartDate: '2026-03-16' });
      expect(walk.try('KICK_OFF', projectManager)).toMatchObject({
        ok: false,
        reason: { en: 'required field missing: owner_id' },
      });
      const kickOff = walk.set({ owner_id: projectManager.id }).send('KICK_OFF', projectManager);
      expect(walk.state).toBe('requirements');
      expect(kickOff.effects).toEqual([
        expect.objectContaining({
          kind: 'createRecord',
          entity: 'milestone',
          values: expect.objectContaining({ project: PROJECT_ID, plannedDate: '2026-08-31', isPaymentMilestone: true }),
        }),
        expect.objectContaining({
          kind: 'createRecord',
          entity: 'milestone',
          values: expect.objectContaining({ project: PROJECT_ID, plannedDate: '2026-11-30' }),
        }),
      ]);
      for (const effect of kickOff.effects)
        expect(check('milestone', undefined, effect.kind === 'createRecord' ? effect.values : {})).toEqual([]);

      expect(walk.try('CONFIRM_REQUIREMENTS', projectManager)).toMatchObject({
        ok: false,
        guard: 'requireFields',
        reason: { en: 'required field missing: requirementsConfirmedOn' },
      });
      walk.set({ requirementsConfirmedOn: '2026-04-20' }).send('CONFIRM_REQUIREMENTS', projectManager);
      expect(walk.state).toBe('design');

      expect(walk.try('START_BUILD', projectManager)).toMatchObject({
        ok: false,
        reason: { en: 'required field missing: solutionReviewedOn' },
      });
      walk.set({ solutionReviewedOn: '2026-05-18' }).send('START_BUILD', projectManager);
      expect(walk.state).toBe('development');

      expect(walk.try('GO_LIVE', projectManager)).toMatchObject({
        ok: false,
        reason: { en: 'required field missing: actualGoLiveDate' },
      });
      const goLive = walk.set({ actualGoLiveDate: '2026-08-28' }).send('GO_LIVE', projectManager);
      expect(walk.state).toBe('trialRun');
      expect(goLive.effects).toEqual([expect.objectContaining({ kind: 'notify', to: 'owner.manager' })]);
      expect(goLive.timers.schedule).toEqual([expect.objectContaining({ afterKey: 'sla', delayMs: 90 * DAY })]);

      expect(walk.try('SUBMIT_ACCEPTANCE', engineer)).toMatchObject({
        ok: false,
        guard: 'all',
        reason: { en: 'only projectManager or deliveryDirector or admin may do this' },
      });
      expect(walk.try('SUBMIT_ACCEPTANCE', projectManager)).toMatchObject({
        ok: false,
        guard: 'all',
        reason: { en: 'required field missing: acceptanceDate' },
      });
      const submit = walk.set({ acceptanceDate: '2026-11-25' }).send('SUBMIT_ACCEPTANCE', projectManager);
      expect(walk.state).toBe('acceptance');
      expect(submit.timers.schedule).toEqual([expect.objectContaining({ afterKey: 'sla', delayMs: 7 * DAY })]);

      expect(wf.definition.states.acceptance!.meta!.approval).toEqual({ role: 'deliveryDirector' });
      expect(walk.try('APPROVE', projectManager)).toMatchObject({
        ok: false,
        guard: 'approval',
        reason: { en: 'only deliveryDirector may approve or reject in state acceptance' },
      });
      expect(walk.try('REJECT', engineer)).toMatchObject({ ok: false, guard: 'approval' });
      expect(walk.state).toBe('acceptance');

      const approve = walk.send('APPROVE', deliveryDirector, [
        { role: 'deliveryDirector', decision: 'approved', by: deliveryDirector.id, at: now },
      ]);
      expect(walk.state).toBe('closed');
      expect(approve.effects).toEqual([
        { kind: 'setField', phase: 'inTransaction', field: 'closedAt', value: now },
        expect.objectContaining({ kind: 'notify', to: 'owner' }),
      ]);
      expect(wf.definition.states.closed).toMatchObject({
        type: 'final',
        meta: { title: { zh: '结项' }, outcome: 'won', probability: 1 },
      });
      expect(walk.try('CANCEL', deliveryDirector)).toMatchObject({
        ok: false,
        reason: { en: 'event CANCEL is not allowed in state closed' },
      });
    });

    it('sends a rejected acceptance back to the trial run, and nags the manager when acceptance or the trial run outlast their SLA', () => {
      const wf = workflow('project-implementation');
      const walk = new Walk(wf, 'acceptance', { ...project, acceptanceDate: '2026-11-25' });
      expect(walk.fire('sla')).toMatchObject({
        ok: true,
        to: 'acceptance',
        effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
      });
      const reject = walk.send('REJECT', deliveryDirector);
      expect(walk.state).toBe('trialRun');
      expect(reject.effects).toEqual([expect.objectContaining({ kind: 'notify', to: 'owner' })]);
      expect(walk.fire('sla')).toMatchObject({
        ok: true,
        to: 'trialRun',
        effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
      });
      const verdicts = (actor: Actor) =>
        allowedEvents(wf, 'acceptance', { record: walk.record, actor }).map((e) => [e.event, e.allowed]);
      expect(verdicts(projectManager)).toEqual([
        ['APPROVE', false],
        ['REJECT', false],
      ]);
      expect(verdicts(deliveryDirector)).toEqual([
        ['APPROVE', true],
        ['REJECT', true],
      ]);
    });

    it('pauses only with a reason and a project role, remembers the stage, and resumes into it', () => {
      const wf = workflow('project-implementation');
      for (const stage of ['initiation', 'requirements', 'design', 'development', 'trialRun']) {
        const walk = new Walk(wf, stage, project);
        expect(walk.try('PAUSE', projectManager), stage).toMatchObject({
          ok: false,
          guard: 'all',
          reason: { en: 'required field missing: pauseReason' },
        });
        walk.set({ pauseReason: '客户机房改造，暂缓部署' });
        expect(walk.try('PAUSE', engineer), stage).toMatchObject({
          ok: false,
          reason: { en: 'only projectManager or deliveryDirector or admin may do this' },
        });
        const pause = walk.send('PAUSE', projectManager);
        expect(walk.state).toBe('onHold');
        expect(pause.effects[0]).toEqual({
          kind: 'setField',
          phase: 'inTransaction',
          field: 'pausedFrom',
          value: stage,
        });
        const { id: _id, record_type: _type, ...fields } = walk.record;
        expect(check('project', 'implementation', fields)).toEqual([]);
        expect(pause.timers.schedule).toEqual([expect.objectContaining({ afterKey: 'sla', delayMs: 30 * DAY })]);

        expect(walk.try('RESUME', engineer)).toMatchObject({
          ok: false,
          reason: { en: 'only projectManager or deliveryDirector or admin may do this' },
        });
        const resume = walk.send('RESUME', projectManager);
        expect(walk.state).toBe(stage);
        expect(resume.effects).toEqual([
          { kind: 'setField', phase: 'inTransaction', field: 'pausedFrom', value: null },
        ]);
      }
    });

    it('cancels only by the delivery director and only with a reason, from any open stage or from hold', () => {
      const wf = workflow('project-implementation');
      for (const stage of ['onHold', 'initiation', 'requirements', 'design', 'development', 'trialRun']) {
        const walk = new Walk(wf, stage, { ...project, pausedFrom: 'design' });
        expect(walk.try('CANCEL', deliveryDirector), stage).toMatchObject({
          ok: false,
          reason: { en: 'required field missing: cancelReason' },
        });
        walk.set({ cancelReason: '客户预算取消' });
        expect(walk.try('CANCEL', projectManager), stage).toMatchObject({
          ok: false,
          reason: { en: 'only deliveryDirector or admin may do this' },
        });
        expect(walk.send('CANCEL', deliveryDirector).effects[0]).toEqual({
          kind: 'setField',
          phase: 'inTransaction',
          field: 'closedAt',
          value: now,
        });
        expect(walk.state).toBe('cancelled');
      }
      expect(
        decide(wf, { state: 'acceptance', record: project, actor: deliveryDirector, event: { type: 'CANCEL' }, now }),
      ).toMatchObject({ ok: false });
    });

    it('goes back where a delivery team would', () => {
      const wf = workflow('project-implementation');
      const to = (state: string, type: string) => {
        const decision = decide(wf, { state, record: project, actor: projectManager, event: { type }, now });
        return decision.ok ? decision.to : decision.reason.en;
      };
      expect(to('design', 'REVISIT_REQUIREMENTS')).toBe('requirements');
      expect(to('development', 'REVISE_DESIGN')).toBe('design');
      expect(to('trialRun', 'FIX_ISSUES')).toBe('development');
    });

    it('forecasts contract amounts by planned acceptance month with rising probabilities', () => {
      const { meta, states } = workflow('project-implementation').definition;
      expect(meta).toMatchObject({ amountField: 'contractAmount', closeDateField: 'plannedAcceptanceDate' });
      const path = ['initiation', 'requirements', 'design', 'development', 'trialRun', 'acceptance', 'closed'].map(
        (s) => states[s]!.meta!.probability!,
      );
      expect(path).toEqual([...path].sort((a, b) => a - b));
      expect(states.cancelled!.meta).toMatchObject({ outcome: 'lost', probability: 0 });
    });
  });

  describe('project-maintenance', () => {
    const project = { id: PROJECT_ID, record_type: 'maintenance', ...MAINTENANCE };

    it('walks 签约 → 服务中 → 续约评估 → 续约, with a 30-day SLA on the renewal review', () => {
      const wf = workflow('project-maintenance');
      expect(decideStart(wf, { record: project, actor: projectManager, now }).to).toBe('signed');
      const walk = new Walk(wf, 'signed', project);

      expect(walk.try('START_SERVICE', projectManager)).toMatchObject({
        ok: false,
        reason: { en: 'required fields missing: serviceScope, owner_id' },
      });
      walk
        .set({ serviceScope: '电子政务外网核心交换机、防火墙及 42 台服务器', owner_id: projectManager.id })
        .send('START_SERVICE', projectManager);
      expect(walk.state).toBe('inService');

      const review = walk.send('REVIEW_RENEWAL', projectManager);
      expect(walk.state).toBe('renewalReview');
      expect(wf.definition.states.renewalReview!.meta).toMatchObject({ title: { zh: '续约评估' }, sla: 'P30D' });
      expect(review.timers.schedule).toEqual([
        expect.objectContaining({ afterKey: 'sla', delayMs: 30 * DAY, dueAt: '2026-04-01T01:30:00.000Z' }),
      ]);
      expect(walk.fire('sla')).toMatchObject({
        ok: true,
        to: 'renewalReview',
        effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
      });

      expect(walk.try('RENEW', projectManager)).toMatchObject({
        ok: false,
        guard: 'requireFields',
        reason: { en: 'required field missing: renewalContractNo' },
      });
      walk.set({ renewalContractNo: 'YW-2027-0008' }).send('RENEW', projectManager);
      expect(walk.state).toBe('renewed');
      expect(wf.definition.states.renewed).toMatchObject({ type: 'final', meta: { outcome: 'won' } });
    });

    it('terminates at the review with a reason, and early only by the delivery director', () => {
      const wf = workflow('project-maintenance');
      const review = new Walk(wf, 'renewalReview', project);
      expect(review.try('TERMINATE', projectManager)).toMatchObject({
        ok: false,
        reason: { en: 'required field missing: terminationReason' },
      });
      review.set({ terminationReason: '客户改为自建运维团队' }).send('TERMINATE', projectManager);
      expect(review.state).toBe('terminated');

      for (const stage of ['signed', 'inService']) {
        const early = new Walk(wf, stage, { ...project, terminationReason: '客户单位撤并' });
        expect(early.try('TERMINATE', projectManager), stage).toMatchObject({
          ok: false,
          reason: { en: 'only deliveryDirector or admin may do this' },
        });
        early.send('TERMINATE', deliveryDirector);
        expect(early.state).toBe('terminated');
      }
    });
  });

  describe('timesheet-approval', () => {
    it('is submitted with details and approved only by a project manager', () => {
      const walk = new Walk(workflow('timesheet-approval'), 'draft', { subject: '现场部署', hours: 8 });
      expect(walk.try('SUBMIT', engineer)).toMatchObject({
        ok: false,
        reason: { en: 'required field missing: details' },
      });
      walk.set({ details: '完成前置机部署' }).send('SUBMIT', engineer);
      expect(walk.try('APPROVE', engineer)).toMatchObject({
        ok: false,
        guard: 'approval',
        reason: { en: 'only projectManager may approve or reject in state submitted' },
      });
      walk.send('REJECT', projectManager);
      expect(walk.state).toBe('draft');
      walk.send('SUBMIT', engineer);
      walk.send('APPROVE', projectManager);
      expect(walk.state).toBe('approved');
    });
  });

  describe('over HTTP', () => {
    let server: TestServer;
    let customerId = '';
    const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      server.request(method, `/api/v1/records${path}`, body, headers);

    /** Who acts: a real user with a session, holding the actor's roles. */
    type Session = { id: string; headers: Record<string, string> };
    const sessions = new Map<string, Session>();
    async function as(actor: Actor): Promise<Session> {
      const known = sessions.get(actor.id);
      if (known) return known;
      const { user, token } = await server.userToken({
        email: `${actor.id}@project-delivery.test`,
        roles: actor.roles,
      });
      const session = { id: user.id, headers: { authorization: `Bearer ${token}` } };
      sessions.set(actor.id, session);
      return session;
    }

    beforeAll(async () => {
      server = await startTestServer({ definitionsDir: join(TEMPLATES_DIR, 'project-delivery') });
      const customer = await api('POST', '/customer', {
        record_type: 'government',
        name: '杭州市西湖区数据资源管理局',
        administrativeLevel: 'district',
        jurisdiction: '浙江省杭州市西湖区',
      });
      expect(customer.status).toBe(201);
      customerId = customer.body.id;
    });
    afterAll(() => server?.close());

    it('starts each project type in its own workflow and requires its own fields', async () => {
      const pm = await as(projectManager);
      const implementation = await api(
        'POST',
        '/project',
        { record_type: 'implementation', ...IMPLEMENTATION, customer: customerId },
        pm.headers,
      );
      expect(implementation.status).toBe(201);
      expect(implementation.body).toMatchObject({ record_type: 'implementation', state: 'initiation', version: 1 });
      const maintenance = await api(
        'POST',
        '/project',
        { record_type: 'maintenance', ...MAINTENANCE, customer: customerId },
        pm.headers,
      );
      expect(maintenance.status).toBe(201);
      expect(maintenance.body).toMatchObject({ record_type: 'maintenance', state: 'signed', version: 1 });
      const history = await api('GET', `/project/${maintenance.body.id}/history`);
      expect(history.body.data).toEqual([
        expect.objectContaining({ from: null, to: 'signed', event: 'START', workflow: 'project-maintenance' }),
      ]);

      const { contractAmount: _a, ...noAmount } = IMPLEMENTATION;
      const missingAmount = await api('POST', '/project', {
        record_type: 'implementation',
        ...noAmount,
        customer: customerId,
      });
      expect(missingAmount.status).toBe(422);
      expect(missingAmount.body.issues).toEqual([
        expect.objectContaining({ pointer: '/contractAmount', keyword: 'required' }),
      ]);

      const { serviceLevel: _l, ...noLevel } = MAINTENANCE;
      const missingLevel = await api('POST', '/project', {
        record_type: 'maintenance',
        ...noLevel,
        customer: customerId,
      });
      expect(missingLevel.status).toBe(422);
      expect(missingLevel.body.issues).toEqual([
        expect.objectContaining({ pointer: '/serviceLevel', keyword: 'required' }),
      ]);

      // The same bare project misses different fields as each type.
      const missing = async (recordType: string) => {
        const response = await api('POST', '/project', {
          record_type: recordType,
          name: '新项目',
          customer: customerId,
        });
        expect(response.status).toBe(422);
        return response.body.issues
          .map((i: { pointer: string; keyword: string }) => `${i.pointer} ${i.keyword}`)
          .sort();
      };
      expect(await missing('implementation')).toEqual([
        '/contractAmount required',
        '/plannedAcceptanceDate required',
        '/plannedGoLiveDate required',
      ]);
      expect(await missing('maintenance')).toEqual([
        '/serviceEndDate required',
        '/serviceLevel required',
        '/serviceStartDate required',
      ]);
    });

    it('kicks off with its milestones, and pauses and resumes into the same stage for project roles only', async () => {
      const pm = await as(projectManager);
      const someone = await as(engineer);
      const created = (
        await api(
          'POST',
          '/project',
          { record_type: 'implementation', ...IMPLEMENTATION, customer: customerId, plannedStartDate: '2026-03-16' },
          pm.headers,
        )
      ).body;
      const path = `/project/${created.id}`;
      const send = (type: string, session: Session) => api('POST', `${path}/events`, { type }, session.headers);

      const refused = await send('KICK_OFF', pm);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        event: 'KICK_OFF',
        state: 'initiation',
        guard: 'requireFields',
        reason: { en: 'required field missing: Contract number', zh: '缺少必填字段：合同编号' },
      });

      expect(
        (await api('PATCH', path, { version: 1, contractNo: 'HT-2026-0315', owner_id: pm.id }, pm.headers)).status,
      ).toBe(200);
      const kickOff = await send('KICK_OFF', pm);
      expect(kickOff.status).toBe(200);
      expect(kickOff.body.record).toMatchObject({ state: 'requirements' });
      const milestones = (
        await api('GET', `/milestone?filter[project]=${created.id}&sort=sequence`, undefined, pm.headers)
      ).body.data;
      expect(milestones).toEqual([
        expect.objectContaining({
          sequence: 1,
          plannedDate: '2026-08-31',
          isPaymentMilestone: true,
          status: 'notStarted',
        }),
        expect.objectContaining({ sequence: 2, plannedDate: '2026-11-30', isPaymentMilestone: true }),
      ]);

      expect(
        (
          await api(
            'PATCH',
            path,
            { version: kickOff.body.record.version, pauseReason: '客户机房改造，暂缓调研' },
            pm.headers,
          )
        ).status,
      ).toBe(200);
      // roles.json stops the engineer before the workflow guard is asked (its refusal is walked above):
      // engineers read their team's projects and update none, and a user outside any org unit has no
      // team, so the project manager's project does not even exist for them.
      const notAllowed = await send('PAUSE', someone);
      expect(notAllowed.status).toBe(404);
      expect((await api('GET', path, undefined, pm.headers)).body).toMatchObject({ state: 'requirements' });
      const pause = await send('PAUSE', pm);
      expect(pause.status).toBe(200);
      expect(pause.body.record).toMatchObject({ state: 'onHold', pausedFrom: 'requirements' });
      const resume = await send('RESUME', pm);
      expect(resume.status).toBe(200);
      expect(resume.body.record).toMatchObject({ state: 'requirements', pausedFrom: null });
    });
  });
});
