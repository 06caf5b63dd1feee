import { defineMessages } from '@lodestar/ui-shared';

/** The designer's field rules of a stage. */
export const STAGE_RULES_MESSAGES = defineMessages({
  zh: {
    heading: '阶段字段规则',
    hint: '记录处于此阶段时，用户能看到、修改和必须填写哪些字段。流程动作不受限制。',
    lock: '锁定记录',
    lockModes: { none: '不锁定', all: '锁定全部字段', except: '锁定，除勾选“仍可改”的字段' } as Record<string, string>,
    field: '字段',
    readOnly: '只读',
    required: '必填',
    hidden: '隐藏',
    except: '仍可改',
    noEntity: '流程尚未绑定对象，没有字段可选。',
    rule: (field: string, rule: string) => `${field}：${rule}`,
  },
  en: {
    heading: 'Field rules in this stage',
    hint: 'Which fields users see, may change and must fill in while a record is in this stage. Workflow actions are not restricted.',
    lock: 'Lock the record',
    lockModes: {
      none: 'Not locked',
      all: 'Lock every field',
      except: 'Lock all but the fields ticked "still editable"',
    },
    field: 'Field',
    readOnly: 'Read-only',
    required: 'Required',
    hidden: 'Hidden',
    except: 'Still editable',
    noEntity: 'The workflow is not bound to an entity yet, so there are no fields to pick.',
    rule: (field: string, rule: string) => `${field}: ${rule}`,
  },
});
