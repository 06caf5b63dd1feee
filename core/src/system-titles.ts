import type { Text } from './text.js';

/** Titles of the system attributes every record has, as lists, exports and messages name them. */
export const SYSTEM_TITLES: Readonly<Record<string, Text>> = {
  id: { zh: '编号', en: 'ID' },
  record_type: { zh: '类型', en: 'Type' },
  state: { zh: '阶段', en: 'Stage' },
  state_entered_at: { zh: '进入阶段时间', en: 'In stage since' },
  sla_breached_at: { zh: '超出时限时间', en: 'SLA breached at' },
  sla_due_at: { zh: '时限截止时间', en: 'SLA due at' },
  owner_id: { zh: '负责人', en: 'Owner' },
  created_at: { zh: '创建时间', en: 'Created' },
  updated_at: { zh: '更新时间', en: 'Updated' },
  created_by: { zh: '创建人', en: 'Created by' },
  updated_by: { zh: '更新人', en: 'Updated by' },
  version: { zh: '版本', en: 'Version' },
};
