import type { EntityExtension } from '@lodestar/core';
import entityMetaSchema from '../definitions/meta/entity.meta.json' with { type: 'json' };
import extendMetaSchema from '../definitions/meta/extend.meta.json' with { type: 'json' };
import { createAjv } from '../definitions/create-ajv.js';
import { toIssues } from '../definitions/validate-entity.js';
import type { Issue } from '../errors.js';
import { EXTEND_SUFFIX } from './template-json.js';

const ajv = createAjv();
ajv.addSchema(entityMetaSchema);
const validateShape = ajv.compile<EntityExtension>(extendMetaSchema);

/**
 * The issues of one `schemas/<id>.extend.json`: its shape against meta/extend.meta.json (fields, rules and
 * options as an entity's own), and its `$id` naming the file. What it adds is judged by the merge.
 */
export function validateExtension(value: unknown, file: string): Issue[] {
  const issues = validateShape(value) ? [] : toIssues(validateShape.errors);
  const stem = file.slice(file.lastIndexOf('/') + 1, -EXTEND_SUFFIX.length);
  const id = (value as { $id?: unknown } | null)?.$id;
  if (typeof id === 'string' && id !== stem)
    issues.push({
      pointer: '/$id',
      keyword: 'fileName',
      message: `$id "${id}" must equal the file name "${stem}"`,
      i18n: { en: `$id "${id}" must equal the file name "${stem}"`, zh: `$id“${id}”必须与文件名“${stem}”相同` },
    });
  return issues.map((i) => ({ ...i, file }));
}
