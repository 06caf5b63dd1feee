import type { ErrorObject } from 'ajv';
import type { Text } from '../errors.js';

// How a failed JSON Schema rule reads to a user, in both languages: one wording for route contracts and records.
const TYPE_NAMES: Record<string, Text> = {
  string: { en: 'text', zh: '文本' },
  integer: { en: 'a whole number', zh: '整数' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'a list', zh: '列表' },
  null: { en: 'null', zh: '空值' },
};

const FORMAT_NAMES: Record<string, Text> = {
  uuid: { en: 'an id (UUID)', zh: '有效的 ID（UUID）' },
  email: { en: 'an email address', zh: '邮箱地址' },
  'date-time': { en: 'a date and time', zh: '日期时间' },
  date: { en: 'a date', zh: '日期' },
};

const either = (names: Text[]): Text => ({
  en: names.map((n) => n.en).join(' or '),
  zh: names.map((n) => n.zh).join('或'),
});

/** The wording of one failed rule, in both languages; the English is also the issue's `message`. */
export function wording(error: ErrorObject): Text {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { en: 'is required', zh: '必填' };
    case 'type': {
      const names = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? { en: t, zh: t });
      const name = either(names);
      return { en: `must be ${name.en}`, zh: `应为${name.zh}` };
    }
    case 'minLength':
      return p.limit === 1
        ? { en: 'must not be empty', zh: '不能为空' }
        : { en: `must be at least ${String(p.limit)} characters`, zh: `至少 ${String(p.limit)} 个字符` };
    case 'maxLength':
      return { en: `must be at most ${String(p.limit)} characters`, zh: `最多 ${String(p.limit)} 个字符` };
    case 'minimum':
      return { en: `must be ${String(p.limit)} or more`, zh: `不能小于 ${String(p.limit)}` };
    case 'maximum':
      return { en: `must be ${String(p.limit)} or less`, zh: `不能大于 ${String(p.limit)}` };
    case 'exclusiveMinimum':
      return { en: `must be more than ${String(p.limit)}`, zh: `必须大于 ${String(p.limit)}` };
    case 'exclusiveMaximum':
      return { en: `must be less than ${String(p.limit)}`, zh: `必须小于 ${String(p.limit)}` };
    case 'multipleOf':
      return { en: `must be a multiple of ${String(p.multipleOf)}`, zh: `必须是 ${String(p.multipleOf)} 的整数倍` };
    case 'minItems':
      return { en: `must list at least ${String(p.limit)}`, zh: `至少 ${String(p.limit)} 项` };
    case 'maxItems':
      return { en: `must list at most ${String(p.limit)}`, zh: `最多 ${String(p.limit)} 项` };
    case 'uniqueItems':
      return { en: 'must not list a value twice', zh: '不能有重复的值' };
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { en: `must be one of ${values}`, zh: `应为以下之一：${values}` };
    }
    case 'const':
      return { en: `must be ${JSON.stringify(p.allowedValue)}`, zh: `应为 ${JSON.stringify(p.allowedValue)}` };
    case 'format': {
      const name = FORMAT_NAMES[String(p.format)];
      return name
        ? { en: `must be ${name.en}`, zh: `应为${name.zh}` }
        : { en: `must have the form ${String(p.format)}`, zh: `格式不正确（应为 ${String(p.format)}）` };
    }
    case 'pattern':
      return { en: 'has the wrong form', zh: '格式不正确' };
    case 'additionalProperties':
      return {
        en: `"${String(p.additionalProperty)}" is not accepted here`,
        zh: `不接受“${String(p.additionalProperty)}”`,
      };
    case 'timeZone':
      return {
        en: 'must be an IANA time zone name such as Asia/Shanghai',
        zh: '应为 IANA 时区名称，例如 Asia/Shanghai',
      };
    case 'unknownParameter':
      return { en: `is not a parameter of this route`, zh: '此接口没有这个参数' };
    case 'maxSize':
      return {
        en: `must be at most ${String(p.limit)} bytes as JSON`,
        zh: `按 JSON 计算不能超过 ${String(p.limit)} 字节`,
      };
    default:
      return { en: error.message ?? `breaks the rule "${error.keyword}"`, zh: `不符合规则“${error.keyword}”` };
  }
}
