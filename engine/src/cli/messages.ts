import type { Lang } from './lang.js';

/*
 * Every line the CLI prints, in Chinese and English (the apps' `defineMessages` shape, written here because
 * the engine does not import ui-shared). Plain text is a string; text with values is a typed function.
 * Texts the engine words itself (plan steps and reasons, errors and issues with `i18n`) are printed as
 * they come, in the run's language, never re-worded here.
 */
type Message = string | ((...args: never[]) => string) | { readonly [key: string]: Message };
interface Messages {
  readonly [key: string]: Message;
}

/** `zh` sets the keys and signatures; `en` must have exactly the same. */
function defineMessages<M extends Messages>(catalogue: { zh: M; en: NoInfer<M> }): Readonly<Record<Lang, M>> {
  return catalogue;
}

export const CLI_MESSAGES = defineMessages({
  zh: {
    errorPrefix: '错误：',
    help: {
      program: 'Lodestar CRM 引擎：输入定义，生成数据表、API 和工作流',
      dir: '存放 schemas/ 和 workflows/ 的文件夹（默认：当前文件夹或 LODESTAR_DEFINITIONS）',
      lang: '输出语言：zh 或 en（默认：LODESTAR_LANG，否则按系统区域设置）',
      start: '运行引擎：API、网页应用和后台任务',
      workers: '引擎进程数（需要 PostgreSQL；默认每个 CPU 核一个）',
      plan: '显示 `migrate` 将做的变更：定义文件夹与数据库对比',
      migrate: '在一个事务中把定义文件夹应用到数据库',
      types: '为已发布模型的每个业务对象生成 TypeScript 类型',
      user: '管理用户',
      userAdd: '创建用户（第一个管理员用 --admin）；密码会提示输入，或从标准输入读取',
      handover: '在一个事务中把某个用户的记录转交给另一个用户，每条记录写一条审计记录',
      template: '把已发布模型导出为模板文件夹，或安装 / 升级模板',
      templateExport: '把已发布的定义写成模板文件夹（schemas/、workflows/、roles.json、template.json）',
      templateInstall: '校验模板文件夹，与数据库对比生成计划，并在一个事务中应用（也用于升级）',
      recompute: '根据关联记录重算汇总字段（全部业务对象或指定一个），并报告偏差',
    },
    mark: { safe: '  ✓', destructive: '  ! 会丢失数据', blocked: '  ✗ 无法执行' },
    nothingToDo: (version: number) => `无需变更：数据库已是模型版本 ${version}。`,
    nothingToDoTemplate: (version: number) => `无需变更：数据库已是模型版本 ${version}，定义相同。`,
    noDatabaseSteps: '计划没有数据库步骤（定义有变化，但表结构不变）。',
    planAgainst: (base: number, steps: number) => `基于模型版本 ${base} 的计划（共 ${steps} 个步骤）：`,
    blockedSteps: (n: number) => `${n} 个步骤无法按当前定义执行，请修改定义。`,
    destructiveSteps: (n: number, command: string) => `${n} 个步骤会丢失数据：确认后用 \`${command}\` 执行。`,
    orMap: (workflow: string, state: string) =>
      `  或指定阶段 ${workflow}.${state} 中记录的去向：\`lodestar migrate --map ${workflow}.${state}=<阶段>\``,
    allSafe: (command: string) => `所有步骤都是安全的：用 \`${command}\` 执行。`,
    templateBlocked: '有步骤无法按当前定义执行，请修改模板。',
    published: (version: number, ms: number) => `已发布模型版本 ${version}，用时 ${ms} 毫秒。`,
    templatePublished: (version: number, template: string) => `已发布模型版本 ${version}（${template}）。`,
    template: (template: string) => `模板 ${template}`,
    templateReapplied: (template: string) => `模板 ${template}（已安装，重新应用）`,
    templateUpgrade: (name: string, from: string, to: string) => `模板 ${name}：${from} → ${to}`,
    exported: (modelVersion: number | undefined, template: string, root: string, files: number) =>
      `已将模型版本 ${modelVersion ?? '?'} 导出为模板 ${template}，写入 ${root}（${files} 个文件）。`,
    noModel: '尚未发布任何模型：请先运行 `lodestar migrate`',
    badMap: (text: string) =>
      `--map "${text}" 的格式应为 <工作流>.<被删除的阶段>=<目标阶段>，例如 opportunity-sales.onHold=negotiation`,
    unknownEntity: (entity: string) => `没有业务对象「${entity}」`,
    handoverDryRun: (from: string, openOnly: boolean) =>
      `试运行：${from} 负责以下${openOnly ? '未结束的' : ''}记录；没有做任何修改。`,
    handedOver: (from: string, to: string, openOnly: boolean) =>
      `已将 ${from} 的${openOnly ? '未结束的' : ''}记录转交给 ${to}：`,
    handoverEntity: '业务对象',
    handoverRecords: '记录数',
    handoverTotal: '合计',
    noRollups: '没有需要重算的汇总字段。',
    /** cli-progress's format; `{rollup}` is the payload the bar is started with. */
    progress: '{rollup} [{bar}] {value}/{total} 行',
    rollupLine: (rows: number, drift: number) => `${String(rows).padStart(8)} 行  ${drift} 个有偏差`,
    recomputed: (rows: number, drift: number) =>
      drift ? `已重算 ${rows} 个值；其中 ${drift} 个有偏差，已更正。` : `已重算 ${rows} 个值；没有偏差。`,
    wroteTypes: (entities: number, version: number, out: string) =>
      `已为 ${entities} 个业务对象（模型版本 ${version}）生成类型，写入 ${out}`,
    userCreated: (email: string, id: string, roles: string[]) =>
      `已创建用户 ${email}（${id}）${roles.length ? `，角色：${roles.join('、')}` : ''}`,
    passwordPrompt: '密码：',
    passwordNeeded: '请用 --password-stdin 从标准输入提供密码，或在终端中运行以便输入',
    running: (url: string) => `Lodestar 正在运行：${url}（设计器：${url}/studio，API 文档：${url}/api/v1/docs）`,
    badWorkers: (value: string) => `--workers 需要一个正整数，而不是“${value}”`,
    runningWorkers: (url: string, workers: number) =>
      `Lodestar 正在运行：${url}，共 ${workers} 个引擎进程（设计器：${url}/studio，API 文档：${url}/api/v1/docs）`,
  },
  en: {
    errorPrefix: 'error: ',
    help: {
      program: 'Lodestar CRM engine: definitions in, tables, API and workflows out',
      dir: 'folder holding schemas/ and workflows/ (default: current folder or LODESTAR_DEFINITIONS)',
      lang: 'language of the output: zh or en (default: LODESTAR_LANG, else the locale)',
      start: 'run the engine: API, web apps, workers',
      workers: 'number of engine processes (PostgreSQL only; default: one per CPU core)',
      plan: 'show what `migrate` would change: the definitions folder against the database',
      migrate: 'apply the definitions folder to the database in one transaction',
      types: 'write TypeScript types for every entity of the published model',
      user: 'manage users',
      userAdd: 'create a user (the first admin: --admin); the password is asked for, or read from stdin',
      handover: "reassign a user's records to another user in one transaction, with an audit row per record",
      template: 'export the published model as a template folder, or install / upgrade one',
      templateExport:
        'write the published definitions as a template folder (schemas/, workflows/, roles.json, template.json)',
      templateInstall:
        'validate a template folder, plan it against the database and apply it in one transaction (also upgrades)',
      recompute: 'rebuild roll-ups from their related records (every entity, or one) and report drift',
    },
    mark: { safe: '  ✓', destructive: '  ! DESTRUCTIVE', blocked: '  ✗ BLOCKED' },
    nothingToDo: (version: number) => `Nothing to do: the database is at model version ${version}.`,
    nothingToDoTemplate: (version: number) =>
      `Nothing to do: the database is at model version ${version} with these definitions.`,
    noDatabaseSteps: 'The plan has no database steps (definitions changed without schema changes).',
    planAgainst: (base: number, steps: number) => `Plan against model version ${base} (${steps} steps):`,
    blockedSteps: (n: number) => `${n} step(s) cannot be applied as defined; change the definitions.`,
    destructiveSteps: (n: number, command: string) => `${n} destructive step(s): apply with \`${command}\`.`,
    orMap: (workflow: string, state: string) =>
      `  or map ${workflow}.${state}: \`lodestar migrate --map ${workflow}.${state}=<state>\``,
    allSafe: (command: string) => `All steps are safe: apply with \`${command}\`.`,
    templateBlocked: 'Some steps cannot be applied as defined; change the template.',
    published: (version: number, ms: number) => `Published model version ${version} in ${ms} ms.`,
    templatePublished: (version: number, template: string) => `Published model version ${version} (${template}).`,
    template: (template: string) => `Template ${template}`,
    templateReapplied: (template: string) => `Template ${template} (installed already; reapplying)`,
    templateUpgrade: (name: string, from: string, to: string) => `Template ${name}: ${from} → ${to}`,
    exported: (modelVersion: number | undefined, template: string, root: string, files: number) =>
      `Exported model version ${modelVersion} as template ${template} to ${root} (${files} files).`,
    noModel: 'no model is published yet: run `lodestar migrate` first',
    badMap: (text: string) =>
      `--map "${text}" must read <workflow>.<removed state>=<target state>, e.g. opportunity-sales.onHold=negotiation`,
    unknownEntity: (entity: string) => `unknown entity "${entity}"`,
    handoverDryRun: (from: string, openOnly: boolean) =>
      `Dry run: ${from} owns these ${openOnly ? 'open records' : 'records'}; nothing was changed.`,
    handedOver: (from: string, to: string, openOnly: boolean) =>
      `Handed over ${openOnly ? 'open records' : 'records'} from ${from} to ${to}:`,
    handoverEntity: 'entity',
    handoverRecords: 'records',
    handoverTotal: 'total',
    noRollups: 'No roll-ups to recompute.',
    progress: '{rollup} [{bar}] {value}/{total} rows',
    rollupLine: (rows: number, drift: number) => `${String(rows).padStart(8)} rows  ${drift} drifted`,
    recomputed: (rows: number, drift: number) =>
      drift
        ? `Recomputed ${rows} values; ${drift} had drifted and are corrected.`
        : `Recomputed ${rows} values; none had drifted.`,
    wroteTypes: (entities: number, version: number, out: string) =>
      `Wrote types for ${entities} entities (model version ${version}) to ${out}`,
    userCreated: (email: string, id: string, roles: string[]) =>
      `created ${email} (${id})${roles.length ? ` with roles ${roles.join(', ')}` : ''}`,
    passwordPrompt: 'password: ',
    passwordNeeded: 'give the password on stdin with --password-stdin, or run in a terminal to be asked',
    running: (url: string) => `Lodestar is running at ${url}  (studio: ${url}/studio, API docs: ${url}/api/v1/docs)`,
    badWorkers: (value: string) => `--workers needs a positive whole number, not "${value}"`,
    runningWorkers: (url: string, workers: number) =>
      `Lodestar is running at ${url} in ${workers} engine processes  (studio: ${url}/studio, API docs: ${url}/api/v1/docs)`,
  },
});

/** The messages of one language. */
export type CliMessages = (typeof CLI_MESSAGES)['zh'];
