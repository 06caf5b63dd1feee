import type { Lang } from '@lodestar/ui-shared';
import { stateTitle, text } from './model';
import type { Workflow } from './types';

const WORDS = {
  zh: {
    workflow: '整个流程',
    stage: (stage: string) => `阶段“${stage}”`,
    transition: (stage: string, transition: string) => `阶段“${stage}”的流转“${transition}”`,
  },
  en: {
    workflow: 'The whole workflow',
    stage: (stage: string) => `Stage “${stage}”`,
    transition: (stage: string, transition: string) => `Transition “${transition}” of stage “${stage}”`,
  },
};

const unescape = (key: string) => key.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Where an engine issue is, in words: the stage and transition its JSON pointer names, by their titles
 * (`/states/shenQing/on/TI_JIAO/guard/params/message/en` → 阶段“申请”的流转“提交审批”), never the pointer.
 */
export function issuePlace(workflow: Workflow | undefined, pointer: string, lang: Lang): string {
  const words = WORDS[lang === 'zh' ? 'zh' : 'en'];
  const [, states, name, on, event] = pointer.split('/').map(unescape);
  if (!workflow || states !== 'states' || !name || !workflow.states[name]) return words.workflow;
  const stage = stateTitle(workflow, name, lang);
  if (on !== 'on' || !event) return words.stage(stage);
  const config = workflow.states[name]!.on?.[event];
  // A transition the issue asks for (an approval's APPROVE) is not there yet: the stage is where to add it.
  if (config === undefined) return words.stage(stage);
  const first = Array.isArray(config) ? config[0] : config;
  const title = first && typeof first === 'object' ? text(first.meta?.title, lang, event) : event;
  return words.transition(stage, title);
}
