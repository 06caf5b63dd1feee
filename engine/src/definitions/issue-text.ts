import type { Issue } from '../errors.js';

/**
 * Definition issues in both languages. The validators word each issue in English for consultants
 * reading files and logs; the studio shows admins the Chinese one, built here from the rule (ajv's
 * keyword and params, or the validators' own keyword) and the names the English message quotes.
 * An issue that already carries `i18n` keeps it.
 */
export function withIssueText(issues: Issue[]): Issue[] {
  return issues.map((issue) => (issue.i18n ? issue : { ...issue, i18n: { en: issue.message, zh: chineseOf(issue) } }));
}

const TYPES: Record<string, string> = {
  object: '对象',
  array: '数组',
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  null: '空值',
};

function chineseOf(issue: Issue): string {
  const p = issue.params ?? {};
  const quoted = [...issue.message.matchAll(/"([^"]*)"/g)].map((m) => `“${m[1]}”`);
  const [a, b] = [quoted[0] ?? '', quoted[1] ?? ''];
  const limit = p.limit as number | undefined;
  switch (issue.keyword) {
    case 'required':
      return p.missingProperty !== undefined ? `缺少必填项“${String(p.missingProperty)}”` : `缺少必填项${a}`;
    case 'additionalProperties':
      return p.additionalProperty !== undefined ? `不支持的属性“${String(p.additionalProperty)}”` : `不支持的属性${a}`;
    case 'type': {
      const type =
        typeof p.type === 'string'
          ? p.type
              .split(',')
              .map((t) => TYPES[t] ?? t)
              .join('或')
          : undefined;
      return type ? `应为${type}` : '类型不正确';
    }
    case 'enum':
      return Array.isArray(p.allowedValues)
        ? `应为以下值之一：${p.allowedValues.map(String).join('、')}`
        : '不是允许的值';
    case 'const':
      return `应为 ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return '格式不符合要求';
    case 'format':
      return p.format !== undefined ? `格式应为 ${String(p.format)}` : '格式不正确';
    case 'minLength':
      return limit !== undefined ? `至少 ${limit} 个字符` : '太短';
    case 'maxLength':
      return limit !== undefined ? `最多 ${limit} 个字符` : '太长';
    case 'minimum':
    case 'exclusiveMinimum':
      return limit !== undefined ? `不能小于 ${limit}` : '太小';
    case 'maximum':
    case 'exclusiveMaximum':
      return limit !== undefined ? `不能大于 ${limit}` : '太大';
    case 'minItems':
      return limit !== undefined ? `至少 ${limit} 项` : '项数太少';
    case 'maxItems':
      return limit !== undefined ? `最多 ${limit} 项` : '项数太多';
    case 'uniqueItems':
    case 'unique':
      return '不能有重复项';
    case 'minProperties':
      return '不能为空';
    case 'oneOf':
    case 'anyOf':
    case 'if':
    case 'not':
      return '不符合允许的写法';
    case 'unknownField':
      return /^required field/.test(issue.message)
        ? `必填字段${a}不是已定义的字段`
        : b
          ? `字段${a}在${b}中不存在`
          : `字段${a}不存在`;
    case 'unknownState':
      return `阶段${a}不存在`;
    case 'unknownEntity':
      return `业务对象${a}不存在`;
    case 'unknownRole':
      return `角色${a}未定义`;
    case 'unknownEvent':
      return `事件${quoted.at(-1) ?? ''}不存在`;
    case 'unknownUser':
      return `用户${a}不存在`;
    case 'unknownEnumValue':
      return `${a}不是该字段的选项`;
    case 'enumLabelsWithoutEnum':
      return '只有选择字段才能设置选项名称';
    case 'unknownDelay':
    case 'duration':
      return '时长应为 ISO 8601 格式，例如 P14D 或 PT4H';
    case 'fileName':
      return b ? `标识${a}必须与文件名${b}一致` : '文件名不符合要求';
    case 'finalTransition':
      return `终止阶段${a}不能再有流转`;
    case 'approvalTransition':
      return '审批阶段必须有同意和驳回两个流转';
    case 'json':
      return '不是有效的 JSON';
    case 'read':
      return '无法读取';
    case 'duplicateId':
    case 'duplicateRename':
      return `标识${a}重复`;
    case 'junctionName':
      return '多对多字段的关联表名称冲突，请缩短业务对象或字段的标识';
    case 'relation':
      return '关联设置不正确';
    case 'fieldKind':
      return '字段类型不支持此设置';
    case 'chartKind':
      return '此类字段不能用于图表';
    case 'filterKind':
      return '此类字段不能用于列表筛选';
    case 'renamedFromKept':
      return '改名前的字段仍然存在';
    case 'roleId':
      return `角色标识${a}不符合要求`;
    case 'name':
      return '名称不符合要求';
    case 'version':
      return '版本号不符合要求';
    case 'rule':
      return '规则设置不正确';
    default:
      return quoted.length ? `定义有误：${quoted.join('、')}` : '定义有误';
  }
}
