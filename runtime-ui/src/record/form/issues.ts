import type { Lang } from '@lodestar/ui-shared';

type Params = Record<string, unknown> | undefined;
type Worder = (p: Record<string, unknown>) => string;

const FORMATS: Record<string, Record<Lang, string>> = {
  email: { zh: '邮箱地址', en: 'email address' },
  uri: { zh: '网址（以 https:// 开头）', en: 'web address (starting with https://)' },
  date: { zh: '日期', en: 'date' },
  'date-time': { zh: '日期时间', en: 'date and time' },
  uuid: { zh: '记录编号', en: 'record id' },
  phone: { zh: '电话号码', en: 'phone number' },
};

const TYPES: Record<string, Record<Lang, string>> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是或否', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

/** How each validation keyword reads, from its params (ajv's names, as the engine sends them). */
const WORDING: Record<Lang, Record<string, Worder>> = {
  zh: {
    required: () => '必填',
    minLength: (p) => (Number(p.limit) <= 1 ? '不能为空' : `至少 ${p.limit} 个字符`),
    maxLength: (p) => `最多 ${p.limit} 个字符`,
    minimum: (p) => `不能小于 ${p.limit}`,
    maximum: (p) => `不能大于 ${p.limit}`,
    exclusiveMinimum: (p) => `必须大于 ${p.limit}`,
    exclusiveMaximum: (p) => `必须小于 ${p.limit}`,
    multipleOf: (p) => `必须是 ${p.multipleOf} 的倍数`,
    pattern: () => '格式不正确',
    format: (p) => `不是有效的${FORMATS[String(p.format)]?.zh ?? '格式'}`,
    enum: () => '请从列表中选择',
    const: () => '值不允许',
    type: (p) => `必须是${TYPES[String(p.type)]?.zh ?? String(p.type)}`,
    readOnly: () => '该字段为只读，不能修改',
    additionalProperties: (p) => `未知字段${p.additionalProperty ? `：${p.additionalProperty}` : ''}`,
    unknown: () => '未知字段',
    maxItems: (p) => `最多 ${p.limit} 项`,
    minItems: (p) => `至少 ${p.limit} 项`,
    uniqueItems: () => '不能有重复项',
    relation: () => '关联的记录不存在或无权访问',
    rule: (p) => (p.i18n as Record<Lang, string> | undefined)?.zh ?? '不符合规则',
  },
  en: {
    required: () => 'Required',
    minLength: (p) => (Number(p.limit) <= 1 ? 'Must not be empty' : `At least ${p.limit} characters`),
    maxLength: (p) => `At most ${p.limit} characters`,
    minimum: (p) => `Must be ${p.limit} or more`,
    maximum: (p) => `Must be ${p.limit} or less`,
    exclusiveMinimum: (p) => `Must be more than ${p.limit}`,
    exclusiveMaximum: (p) => `Must be less than ${p.limit}`,
    multipleOf: (p) => `Must be a multiple of ${p.multipleOf}`,
    pattern: () => 'Not in the expected format',
    format: (p) => `Not a valid ${FORMATS[String(p.format)]?.en ?? 'value'}`,
    enum: () => 'Choose a value from the list',
    const: () => 'This value is not allowed',
    type: (p) => `Must be ${TYPES[String(p.type)]?.en ?? String(p.type)}`,
    readOnly: () => 'This field is read-only',
    additionalProperties: (p) => `Unknown field${p.additionalProperty ? `: ${p.additionalProperty}` : ''}`,
    unknown: () => 'Unknown field',
    maxItems: (p) => `At most ${p.limit} items`,
    minItems: (p) => `At least ${p.limit} items`,
    uniqueItems: () => 'Items must not repeat',
    relation: () => 'The linked record does not exist or is not visible to you',
    rule: (p) => (p.i18n as Record<Lang, string> | undefined)?.en ?? 'Breaks a rule of this record',
  },
};

/** A validation problem in the UI language; the server's (English) message when the keyword is unknown. */
export function wordIssue(keyword: string, params: Params, lang: Lang, fallback: string): string {
  const worder = WORDING[lang][keyword];
  return worder ? worder(params ?? {}) : fallback;
}

/**
 * An issue from the server in the UI language: its own wording when the engine sends both languages
 * (a definition's cross-field rule, a link the user may not make), else worded from keyword and params.
 */
export function issueText(
  issue: { keyword: string; message: string; params?: Params; i18n?: Record<Lang, string> },
  lang: Lang,
): string {
  return issue.i18n?.[lang] ?? wordIssue(issue.keyword, issue.params, lang, issue.message);
}

/** The top-level field a JSON pointer names (`/name` → `name`, `/tags/2` → `tags`), or undefined. */
export function fieldOfPointer(pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  return first ? decodeURIComponent(first.replace(/~1/g, '/').replace(/~0/g, '~')) : undefined;
}
