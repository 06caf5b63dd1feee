import type { Lang } from '../lang.js';

/* What `lodestar demo` prints, in Chinese and English (kept beside the command). */
interface DemoMessages {
  help: string;
  helpRemove: string;
  helpSeed: string;
  helpPassword: string;
  noFolders: string;
  badSpecs: string;
  progress: string;
  stage: (stage: string) => string;
  loaded: (seconds: number) => string;
  events: (sent: number, refused: number) => string;
  refusedLine: (entity: string, event: string, reason: string) => string;
  usersTitle: (password: string) => string;
  removed: string;
  nothing: string;
  users: string;
  units: string;
}

export const DEMO_MESSAGES: Record<Lang, DemoMessages> = {
  en: {
    help: 'load realistic sample data for the installed templates (or remove it with --remove)',
    helpRemove: 'delete every demo record, demo user and demo org unit in one step',
    helpSeed: 'the seed of the generator: the same seed gives the same data',
    helpPassword: 'the password every demo user signs in with',
    noFolders: 'none of the installed templates ships demo data (a demo/ folder)',
    badSpecs: 'the demo data definitions have problems',
    progress: '  {stage} |{bar}| {value}/{total}',
    stage: (stage) => (stage === 'users' ? 'users' : stage.replace(' →', ' (workflow)')),
    loaded: (seconds) => `Loaded demo data in ${seconds} s:`,
    events: (sent, refused) => `Workflow events sent: ${sent}` + (refused ? `, refused: ${refused}` : ''),
    refusedLine: (entity, event, reason) => `  refused: ${entity} ${event}: ${reason}`,
    usersTitle: (password) => `Demo users (password: ${password}):`,
    removed: 'Removed the demo data:',
    nothing: 'There is no demo data to remove.',
    users: 'demo users',
    units: 'demo org units',
  },
  zh: {
    help: '为已安装的模板加载逼真的示例数据（加 --remove 则删除）',
    helpRemove: '一步删除全部示例记录、示例用户和示例部门',
    helpSeed: '生成器的种子：相同的种子生成相同的数据',
    helpPassword: '所有示例用户的登录密码',
    noFolders: '已安装的模板都没有提供示例数据（demo/ 文件夹）',
    badSpecs: '示例数据定义有问题',
    progress: '  {stage} |{bar}| {value}/{total}',
    stage: (stage) => (stage === 'users' ? '用户' : stage.replace(' →', '（流程）')),
    loaded: (seconds) => `示例数据已加载，用时 ${seconds} 秒：`,
    events: (sent, refused) => `已执行流程事件 ${sent} 个` + (refused ? `，被拒绝 ${refused} 个` : ''),
    refusedLine: (entity, event, reason) => `  被拒绝：${entity} ${event}：${reason}`,
    usersTitle: (password) => `示例用户（密码：${password}）：`,
    removed: '已删除示例数据：',
    nothing: '没有可删除的示例数据。',
    users: '示例用户',
    units: '示例部门',
  },
};
