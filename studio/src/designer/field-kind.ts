import type { FieldKind as EngineFieldKind } from '@lodestar/core';
import { defineMessages } from '@lodestar/ui-shared';

/**
 * The field kinds the engine knows (@lodestar/core), `autoNumber` for a text field the engine numbers
 * (`x-sequence`), and `unknown` for a field the designer cannot classify.
 */
export type FieldKind = EngineFieldKind | 'autoNumber' | 'unknown';

/** Field kinds per entity and field, as `GET /api/v1/meta/entities` reports them (the engine decides kinds). */
export type FieldKinds = Record<string, Record<string, FieldKind>>;

/** Each kind's name in the designer, in both languages (a catalogue with every kind, checked by the type). */
export const KIND_LABELS = defineMessages<Record<FieldKind, string>>({
  zh: {
    text: '文本',
    longText: '多行文本',
    integer: '整数',
    number: '数字',
    money: '金额',
    boolean: '是/否',
    date: '日期',
    dateTime: '日期时间',
    email: '邮箱',
    phone: '电话',
    url: '网址',
    uuid: '标识符',
    choice: '单选',
    multiChoice: '多选',
    manyToOne: '关联（多对一）',
    manyToMany: '关联（多对多）',
    user: '人员',
    textList: '文本列表',
    json: 'JSON',
    autoNumber: '编号',
    unknown: '未知',
  },
  en: {
    text: 'Text',
    longText: 'Long text',
    integer: 'Integer',
    number: 'Number',
    money: 'Money',
    boolean: 'Yes/no',
    date: 'Date',
    dateTime: 'Date & time',
    email: 'Email',
    phone: 'Phone',
    url: 'URL',
    uuid: 'Identifier',
    choice: 'Choice',
    multiChoice: 'Multiple choice',
    manyToOne: 'Link (many-to-one)',
    manyToMany: 'Links (many-to-many)',
    user: 'User',
    textList: 'Text list',
    json: 'JSON',
    autoNumber: 'Auto number',
    unknown: 'Unknown',
  },
});

/** Kinds grouped by family, for the kind tag's color. */
export function kindFamily(kind: FieldKind): 'text' | 'number' | 'time' | 'choice' | 'relation' | 'other' {
  switch (kind) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
    case 'textList':
    case 'autoNumber':
      return 'text';
    case 'integer':
    case 'number':
    case 'money':
      return 'number';
    case 'date':
    case 'dateTime':
      return 'time';
    case 'choice':
    case 'multiChoice':
    case 'boolean':
      return 'choice';
    case 'manyToOne':
    case 'manyToMany':
    case 'user':
      return 'relation';
    default:
      return 'other';
  }
}
