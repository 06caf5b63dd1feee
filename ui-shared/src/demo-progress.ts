import type { ResponseOf } from './api/client';
import { defineMessages, type MessagesOf } from './messages';

/** The first run's sample-data job as the page follows it (GET /admin/demo/job/{id}: without the demo users). */
export type DemoJobAnswer = ResponseOf<'/admin/demo/job/{id}', 'get'>;
export type DemoJobStepAnswer = DemoJobAnswer['steps'][number];

/** What the admin chooses on the first-run page: the preset of templates/presets.json, or the standard CRM alone. */
export type DemoChoice = 'trading' | 'standard';

export const DEMO_TEXT = defineMessages({
  zh: {
    pick: (text: { zh: string; en: string }) => text.zh,
    choose: '示例内容',
    trading: '贸易公司全套：销售到回款、市场营销、客户服务、公海 + 示例数据',
    tradingHint:
      '先安装四个业务模板，再加载约 500 家客户一年的报价、订单、回款、服务和营销记录；约需两到五分钟（内置数据库较慢）',
    standard: '标准 CRM 示例',
    standardHint: '只有标准 CRM 的客户、联系人、商机和服务工单',
    preparing: '正在准备示例公司',
    starting: '正在开始…',
    installing: (title: string, n: number, of: number) => `正在安装「${title}」（${n}/${of}）…`,
    loading: '正在加载示例数据…',
    loadingFiles: (done: number, total: number) => `正在加载示例数据（${done}/${total}）…`,
    install: (title: string) => `安装「${title}」`,
    doneList: (items: string) => `已完成：${items}。`,
    notDone: (items: string) => `未完成：${items}。`,
    nothingDone: '还没有完成任何步骤。',
    reason: (why: string) => `原因：${why}`,
    failed: '示例公司没有准备好',
    retry: '重试',
    skip: '跳过，直接进入',
    separator: '、',
    percent: (n: number) => `${n}%`,
  },
  en: {
    pick: (text: { zh: string; en: string }) => text.en,
    choose: 'Sample content',
    trading: 'A trading company: sales to cash, marketing, service, customer pool, with sample data',
    tradingHint:
      'Installs four business templates, then loads a year of quotes, orders, payments, service and marketing for about 500 customers; takes two to five minutes (longer on the embedded database)',
    standard: 'Standard CRM sample',
    standardHint: 'Only the standard CRM’s customers, contacts, opportunities and service requests',
    preparing: 'Preparing the sample company',
    starting: 'Starting…',
    installing: (title: string, n: number, of: number) => `Installing ${title} (${n}/${of})…`,
    loading: 'Loading sample data…',
    loadingFiles: (done: number, total: number) => `Loading sample data (${done}/${total})…`,
    install: (title: string) => `install ${title}`,
    doneList: (items: string) => `Done: ${items}.`,
    notDone: (items: string) => `Not done: ${items}.`,
    nothingDone: 'No step was completed.',
    reason: (why: string) => `Reason: ${why}`,
    failed: 'The sample company is not ready',
    retry: 'Retry',
    skip: 'Skip and open the app',
    separator: ', ',
    percent: (n: number) => `${n}%`,
  },
});
type Text = MessagesOf<typeof DEMO_TEXT>;

/** What a step is called in a list: "install 销售到回款", "load sample data". */
export function stepName(step: DemoJobStepAnswer, t: Text): string {
  return step.kind === 'install' ? t.install(t.pick(step.title)) : t.pick(step.title).toLowerCase();
}

/** The line under the progress bar: which step runs, and how far. */
export function currentLabel(job: DemoJobAnswer | undefined, t: Text): string {
  const running = job?.steps.find((s) => s.status === 'running');
  if (!job || !running) return t.starting;
  if (running.kind === 'demo') return running.total ? t.loadingFiles(running.done ?? 0, running.total) : t.loading;
  const installs = job.steps.filter((s) => s.kind === 'install');
  return t.installing(t.pick(running.title), installs.indexOf(running) + 1, installs.length);
}

/** A failed job in words: what was done, what was not, and why. */
export function failureText(job: DemoJobAnswer, t: Text): string[] {
  const done = job.steps.filter((s) => s.status === 'done').map((s) => stepName(s, t));
  const left = job.steps.filter((s) => s.status !== 'done').map((s) => stepName(s, t));
  return [
    done.length ? t.doneList(done.join(t.separator)) : t.nothingDone,
    ...(left.length ? [t.notDone(left.join(t.separator))] : []),
    ...(job.error ? [t.reason(t.pick(job.error))] : []),
  ];
}
