#!/usr/bin/env node
// Renders workflow definitions as Mermaid state diagrams, so a template's documentation shows each
// workflow as its definition says it, not as someone drew it.
//
//   node scripts/workflow-diagram.mjs <file.workflow.json> [--lang zh|en]   prints one diagram
//   node scripts/workflow-diagram.mjs --update <page.md> <template folder>   rewrites the page's blocks
//   node scripts/workflow-diagram.mjs --check <page.md> <template folder>    fails when a block is stale
//
// A page marks each diagram with <!-- workflow: <id> <lang> --> … <!-- /workflow -->; --update replaces
// what is between the markers with a ```mermaid block rendered from <folder>/workflows/<id>.workflow.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pick = (text, lang) => (typeof text === 'string' ? text : (text?.[lang] ?? text?.en ?? ''));

// Mermaid reads <, >, quotes, # and semicolons in labels as syntax; its entity codes are safe.
const escape = (text) =>
  String(text)
    .replace(/[<>"#;]/g, (c) => ({ '<': '#lt;', '>': '#gt;', '"': '#quot;', '#': '#35;', ';': '#59;' })[c])
    .replace(/\s+/g, ' ')
    .trim();

const UNITS = {
  Y: { zh: '年', en: ['year', 'years'] },
  M: { zh: '个月', en: ['month', 'months'] },
  W: { zh: '周', en: ['week', 'weeks'] },
  D: { zh: '天', en: ['day', 'days'] },
  H: { zh: '小时', en: ['hour', 'hours'] },
  MIN: { zh: '分钟', en: ['minute', 'minutes'] },
};

/** "P1D" → "1 天" / "1 day"; anything it does not know is shown as written. */
function duration(iso, lang) {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return iso;
  const parts = ['Y', 'M', 'W', 'D', 'H', 'MIN']
    .map((unit, i) => [unit, Number(m[i + 1] ?? 0)])
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => (lang === 'zh' ? `${n} ${UNITS[unit].zh}` : `${n} ${UNITS[unit].en[n === 1 ? 0 : 1]}`));
  return parts.join(' ') || iso;
}

/** A duration as written in a timer: ISO-8601, "N business day(s)" → "N 个工作日", "N business hour(s)" → "N 个工作小时". */
function span(text, lang) {
  const hours = /^(\d+) business hours?$/.exec(text);
  if (hours) {
    const n = Number(hours[1]);
    return lang === 'zh' ? `${n} 个工作小时` : `${n} business ${n === 1 ? 'hour' : 'hours'}`;
  }
  const business = /^(\d+) business days?$/.exec(text);
  if (!business) return duration(text, lang);
  const n = Number(business[1]);
  return lang === 'zh' ? `${n} 个工作日` : `${n} business ${n === 1 ? 'day' : 'days'}`;
}

/** A timer key in words: "after dueDate P1D 09:00" → "到期日后 1 天 09:00". */
function timerText(key, fieldTitle, lang, sla) {
  const m = /^(at|after|before)\s+(\w+)(?:\s+(P\S+|\d+ business (?:days?|hours?)))?(?:\s+(\d{2}:\d{2}))?$/.exec(key);
  if (!m) {
    if (key === 'sla' && sla)
      return lang === 'zh'
        ? `超出 SLA（进入后 ${span(sla, lang)}）`
        : `SLA breached (${span(sla, lang)} after entering)`;
    if (key === 'sla') return lang === 'zh' ? '超出 SLA' : 'SLA breached';
    return lang === 'zh' ? `进入后 ${span(key, lang)}` : `${span(key, lang)} after entering`;
  }
  const [, where, field, length, time] = m;
  const title = fieldTitle(field);
  const words =
    lang === 'zh'
      ? { at: `${title}当天`, after: `${title}后`, before: `${title}前` }[where] +
        (length ? ` ${span(length, lang)}` : '')
      : (length ? `${span(length, lang)} ` : '') +
        { at: `on ${title}`, after: `after ${title}`, before: `before ${title}` }[where];
  return time ? `${words} ${time}` : words;
}

/** A formula as people read it: field ids as their titles, ≤ and ≥ for <= and >=. */
function formulaText(formula, fieldTitle) {
  return formula
    .replace(/\b[a-zA-Z_][a-zA-Z0-9_]*\b(?!\s*\()/g, (name) => fieldTitle(name))
    .replace(/<=/g, '≤')
    .replace(/>=/g, '≥');
}

const OPS = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

function guardText(guard, lang, fieldTitle, roleTitle = (id) => id) {
  if (!guard) return '';
  const p = guard.params ?? {};
  const titles = (ids, title) => (ids ?? []).map(title).join(lang === 'zh' ? '、' : ', ');
  if (guard.type === 'condition') return formulaText(p.check, fieldTitle);
  if (guard.type === 'actorHasRole') return (lang === 'zh' ? '仅' : 'only ') + titles(p.roles, roleTitle);
  if (guard.type === 'requireFields') return (lang === 'zh' ? '必填' : 'requires ') + titles(p.fields, fieldTitle);
  if (guard.type === 'fieldCompare' && OPS[p.op]) return `${fieldTitle(p.field)} ${OPS[p.op]} ${p.value}`;
  if ((guard.type === 'all' || guard.type === 'any') && Array.isArray(p.guards)) {
    const joint = guard.type === 'all' ? (lang === 'zh' ? '，且' : ' and ') : lang === 'zh' ? '，或' : ' or ';
    return p.guards.map((g) => guardText(g, lang, fieldTitle, roleTitle)).join(joint);
  }
  return guard.type;
}

/** Who approves a state, in words, from `meta.approval`. */
function approvalText(approval, lang, roleTitle, fieldTitle) {
  const steps = approval.steps ?? [{ approver: { role: approval.role } }];
  const who = steps.map((step) => {
    const a = step.approver ?? {};
    const name = step.title
      ? pick(step.title, lang)
      : a.role
        ? roleTitle(a.role)
        : a.ownerManager
          ? lang === 'zh'
            ? '负责人的直属上级'
            : 'the owner’s manager'
          : (a.userField ?? '');
    if (!step.when) return name;
    const when = formulaText(step.when, fieldTitle);
    return lang === 'zh' ? `${name}（${when}）` : `${name} (${when})`;
  });
  const how = approval.order === 'parallel' ? 'parallel' : steps.length > 1 ? 'sequence' : 'single';
  if (lang === 'zh') return `${{ parallel: '并行审批', sequence: '依次审批', single: '审批' }[how]}：${who.join('、')}`;
  return `${{ parallel: 'Approval in parallel', sequence: 'Approval in sequence', single: 'Approval' }[how]}: ${who.join(', ')}`;
}

/** The transitions of a state's `on`, `after` and `always`, each as (target, label). */
function edgesOf(id, state, lang, fieldTitle, roleTitle) {
  const edges = [];
  const list = (value) => (Array.isArray(value) ? value : [value]);
  const add = (event, t, stays = false) => {
    // A timer without a target acts and stays (a reminder); an event without one is left out, as before.
    const target = typeof t === 'string' ? t : (t?.target ?? (stays ? id : undefined));
    if (!target) return;
    const title = typeof t === 'object' && t.meta?.title ? pick(t.meta.title, lang) : event;
    const guard = typeof t === 'object' ? guardText(t.guard, lang, fieldTitle, roleTitle) : '';
    edges.push({ target, label: guard ? `${title} [${guard}]` : title });
  };
  for (const [event, value] of Object.entries(state.on ?? {})) list(value).forEach((t) => add(event, t));
  for (const [key, value] of Object.entries(state.after ?? {}))
    list(value).forEach((t) =>
      add(`⏱ ${timerText(key, fieldTitle, lang, state.meta?.sla)}`, { ...t, meta: undefined }, true),
    );
  if (state.always) list(state.always).forEach((t) => add(lang === 'zh' ? '自动' : 'automatic', t));
  return edges;
}

/** One workflow definition as Mermaid `stateDiagram-v2` text. */
export function renderWorkflow(workflow, { lang = 'zh', entity, roles } = {}) {
  const fieldTitle = (name) => pick(entity?.properties?.[name]?.['x-i18n']?.title, lang) || name;
  const roleTitle = (id) => pick(roles?.roles?.[id]?.title, lang) || id;
  const out = ['stateDiagram-v2', '  direction LR'];
  const states = Object.entries(workflow.states ?? {});
  for (const [id, state] of states) out.push(`  state "${escape(pick(state.meta?.title, lang) || id)}" as ${id}`);
  out.push(`  [*] --> ${workflow.initial}`);
  for (const [id, state] of states) {
    for (const edge of edgesOf(id, state, lang, fieldTitle, roleTitle))
      out.push(`  ${id} --> ${edge.target} : ${escape(edge.label)}`);
    if (state.type === 'final') out.push(`  ${id} --> [*]`);
    if (state.meta?.approval)
      out.push(`  note right of ${id} : ${escape(approvalText(state.meta.approval, lang, roleTitle, fieldTitle))}`);
  }
  return out.join('\n');
}

/** Definitions a template folder's workflow reads titles from: its entity (own or the standard CRM's) and roles. */
function contextOf(folder, workflow) {
  const id = workflow.meta?.entity;
  const candidates = [
    join(folder, 'schemas', `${id}.schema.json`),
    join(folder, '..', '..', 'schemas', `${id}.schema.json`),
  ];
  const found = candidates.filter(existsSync).map(readJson)[0];
  // An add-on's schemas/<id>.extend.json adds fields to an entity it did not define: their titles count too.
  const extension = join(folder, 'schemas', `${id}.extend.json`);
  const added = existsSync(extension) ? readJson(extension).properties : undefined;
  const entity = found && added ? { ...found, properties: { ...found.properties, ...added } } : found;
  // An add-on's grants on a standard role carry no title: the role keeps the one it has.
  const roles = [join(folder, 'roles.json'), join(folder, '..', '..', 'roles.json')]
    .filter(existsSync)
    .map(readJson)
    .reduce(
      (all, r) => {
        for (const [role, value] of Object.entries(r.roles ?? {}))
          all.roles[role] = { ...value, ...all.roles[role], title: all.roles[role]?.title ?? value.title };
        return all;
      },
      { roles: {} },
    );
  return { entity, roles };
}

const BLOCK = /(<!-- workflow: ([\w-]+) (zh|en) -->\n)[\s\S]*?(<!-- \/workflow -->)/g;

/** The page with every marked block rendered afresh from the template folder. */
export function updatePage(page, folder) {
  return page.replace(BLOCK, (_, open, id, lang, close) => {
    const workflow = readJson(join(folder, 'workflows', `${id}.workflow.json`));
    return `${open}\`\`\`mermaid\n${renderWorkflow(workflow, { lang, ...contextOf(folder, workflow) })}\n\`\`\`\n${close}`;
  });
}

function main(args) {
  const mode = args[0];
  if (mode === '--update' || mode === '--check') {
    const [, pagePath, folder] = args;
    const page = readFileSync(pagePath, 'utf8');
    const next = updatePage(page, folder);
    if (mode === '--update') writeFileSync(pagePath, next);
    else if (next !== page) {
      console.error(`${pagePath}: diagrams differ from the definitions; run --update`);
      process.exit(1);
    }
    return;
  }
  const file = args[0];
  if (!file) {
    console.error(
      'usage: workflow-diagram.mjs <file.workflow.json> [--lang zh|en] | --update|--check <page.md> <folder>',
    );
    process.exit(2);
  }
  const lang = args[args.indexOf('--lang') + 1] === 'en' && args.includes('--lang') ? 'en' : 'zh';
  const workflow = readJson(file);
  console.log(renderWorkflow(workflow, { lang, ...contextOf(join(dirname(file), '..'), workflow) }));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
