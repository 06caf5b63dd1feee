import type { Issue, Text } from '../errors.js';
import type { Model } from '../model/compile-model.js';
import { attributesOf } from '../records/attributes.js';
import type { DemoFile, Generator } from './demo-spec.js';

/**
 * What the meta-schema cannot see: every entity, field, record type, role, user, unit and event a demo file
 * names must exist in the published model or earlier in the files, so a bad spec fails before anything is written.
 */
export function checkDemoNames(files: DemoFile[], model: Model): Issue[] {
  const issues: Issue[] = [];
  const at = (file: string, pointer: string, text: Text) =>
    issues.push({ file, pointer, keyword: 'demoName', message: text.en, i18n: text });
  const roles = new Set(['admin', ...Object.keys(model.set.roles?.roles ?? {})]);
  const units = new Set<string>();
  const users = new Set<string>();
  const entities = new Set<string>();

  const entityKnown = (file: string, pointer: string, id: string, demo: boolean): boolean => {
    if (!model.entities.has(id)) {
      at(file, pointer, { en: `no entity "${id}" is published`, zh: `已发布的模型中没有实体“${id}”` });
      return false;
    }
    if (demo && !entities.has(id))
      at(file, pointer, {
        en: `"${id}" gets no demo records in an earlier file`,
        zh: `前面的示例数据文件没有生成“${id}”的记录`,
      });
    return true;
  };
  const fieldKnown = (file: string, pointer: string, entity: string, field: string) => {
    const known = model.entities.get(entity);
    if (known && !attributesOf(known).byName.has(field))
      at(file, pointer, { en: `"${entity}" has no field "${field}"`, zh: `实体“${entity}”没有字段“${field}”` });
  };
  const generators = (file: string, pointer: string, entity: string, fields: Record<string, Generator>) => {
    for (const [field, generator] of Object.entries(fields)) {
      fieldKnown(file, `${pointer}/${field}`, entity, field);
      refsIn(file, `${pointer}/${field}`, generator);
    }
  };
  const refsIn = (file: string, pointer: string, generator: Generator) => {
    if ('ref' in generator) entityKnown(file, `${pointer}/ref`, generator.ref, true);
    if ('refs' in generator) entityKnown(file, `${pointer}/refs`, generator.refs, true);
    if ('concat' in generator) generator.concat.forEach((part, i) => refsIn(file, `${pointer}/concat/${i}`, part));
  };

  for (const { file, spec } of files) {
    if ('org' in spec) {
      spec.org.units.forEach((unit, i) => {
        if (unit.parent !== undefined && !units.has(unit.parent))
          at(file, `/org/units/${i}/parent`, {
            en: `no unit "${unit.parent}" comes before it`,
            zh: `前面没有键为“${unit.parent}”的部门`,
          });
        units.add(unit.key);
      });
      spec.org.users.forEach((user, i) => {
        user.roles.forEach((role, r) => {
          if (!roles.has(role))
            at(file, `/org/users/${i}/roles/${r}`, {
              en: `the model defines no role "${role}"`,
              zh: `模型中没有角色“${role}”`,
            });
        });
        if (user.unit !== undefined && !units.has(user.unit))
          at(file, `/org/users/${i}/unit`, { en: `no unit "${user.unit}"`, zh: `没有键为“${user.unit}”的部门` });
        if (user.manager !== undefined && !users.has(user.manager))
          at(file, `/org/users/${i}/manager`, {
            en: `no user "${user.manager}" comes before them`,
            zh: `前面没有键为“${user.manager}”的用户`,
          });
        users.add(user.key);
      });
    } else if ('entity' in spec) {
      if (!entityKnown(file, '/entity', spec.entity, false)) continue;
      if (spec.per) {
        entityKnown(file, '/per/entity', spec.per.entity, true);
        if (spec.per.field) fieldKnown(file, '/per/field', spec.entity, spec.per.field);
      }
      if (spec.owner && 'roles' in spec.owner)
        spec.owner.roles.forEach((role, r) => {
          if (!roles.has(role))
            at(file, `/owner/roles/${r}`, { en: `the model defines no role "${role}"`, zh: `模型中没有角色“${role}”` });
        });
      if (spec.owner && 'from' in spec.owner) fieldKnown(file, '/owner/from', spec.entity, spec.owner.from);
      if ('after' in spec.created) fieldKnown(file, '/created/after', spec.entity, spec.created.after);
      generators(file, '/fields', spec.entity, spec.fields);
      for (const [type, fields] of Object.entries(spec.byType ?? {})) {
        if (!model.entities.get(spec.entity)!.definition['x-entity']?.recordTypes?.[type])
          at(file, `/byType/${type}`, {
            en: `"${spec.entity}" has no record type "${type}"`,
            zh: `实体“${spec.entity}”没有记录类型“${type}”`,
          });
        generators(file, `/byType/${type}`, spec.entity, fields);
      }
      entities.add(spec.entity);
    } else {
      if (!entityKnown(file, '/walk', spec.walk, true)) continue;
      const workflows = [...model.workflows.values()].filter((w) => w.meta?.entity === spec.walk);
      const events = new Set(
        workflows.flatMap((w) => Object.values(w.states).flatMap((state) => Object.keys(state.on ?? {}))),
      );
      // Records the walk's actions make (a resolved complaint's return visit) are demo records later files use.
      for (const made of entitiesMadeBy(workflows, model)) entities.add(made);
      spec.paths.forEach((path, p) =>
        path.steps.forEach((step, s) => {
          const pointer = `/paths/${p}/steps/${s}`;
          if (!events.has(step.event))
            at(file, `${pointer}/event`, {
              en: `no workflow of "${spec.walk}" has the event ${step.event}`,
              zh: `“${spec.walk}”的流程中没有事件 ${step.event}`,
            });
          if (step.as && typeof step.as === 'object' && !roles.has(step.as.role))
            at(file, `${pointer}/as/role`, {
              en: `the model defines no role "${step.as.role}"`,
              zh: `模型中没有角色“${step.as.role}”`,
            });
          if (step.set) generators(file, `${pointer}/set`, spec.walk, step.set);
        }),
      );
    }
  }
  return issues;
}

/** The entities a workflow's actions create: `createRecord`'s entity, and those a `convert` makes. */
function entitiesMadeBy(workflows: unknown[], model: Model): string[] {
  const made: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const { type, params } = node as { type?: unknown; params?: Record<string, unknown> };
    if (type === 'createRecord' && typeof params?.entity === 'string') made.push(params.entity);
    if (type === 'convert' && params) made.push(...Object.keys(params).filter((key) => model.entities.has(key)));
    Object.values(node).forEach(visit);
  };
  visit(workflows);
  return made;
}
