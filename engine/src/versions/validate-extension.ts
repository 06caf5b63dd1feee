import type { EntityExtension, WorkflowExtension } from '@lodestar/core';
import entityMetaSchema from '../definitions/meta/entity.meta.json' with { type: 'json' };
import extendMetaSchema from '../definitions/meta/extend.meta.json' with { type: 'json' };
import extendWorkflowMetaSchema from '../definitions/meta/extend-workflow.meta.json' with { type: 'json' };
import workflowMetaSchema from '../definitions/meta/workflow.meta.json' with { type: 'json' };
import { createAjv } from '../definitions/create-ajv.js';
import { toIssues } from '../definitions/validate-entity.js';
import type { Issue } from '../errors.js';
import { EXTEND_SUFFIX } from './template-json.js';

const ajv = createAjv();
ajv.addSchema(entityMetaSchema);
ajv.addSchema(workflowMetaSchema);
const validateShape = ajv.compile<EntityExtension>(extendMetaSchema);
const validateWorkflowShape = ajv.compile<WorkflowExtension>(extendWorkflowMetaSchema);

/**
 * The issues of one extension file: `schemas/<id>.extend.json` against meta/extend.meta.json (fields, rules
 * and options as an entity's own), `workflows/<id>.extend.json` against meta/extend-workflow.meta.json
 * (schedules as a workflow's own, and new events of its states: only `on`, each with a bilingual title), and
 * its id naming the file. What it adds is judged by the merge: an event a state has already is refused there.
 */
export function validateExtension(value: unknown, file: string): Issue[] {
  const workflow = file.startsWith('workflows/');
  const check = workflow ? validateWorkflowShape : validateShape;
  const issues = check(value) ? [] : toIssues(check.errors);
  const stem = file.slice(file.lastIndexOf('/') + 1, -EXTEND_SUFFIX.length);
  const key = workflow ? 'id' : '$id';
  const id = (value as Record<string, unknown> | null)?.[key];
  if (typeof id === 'string' && id !== stem)
    issues.push({
      pointer: `/${key}`,
      keyword: 'fileName',
      message: `${key} "${id}" must equal the file name "${stem}"`,
      i18n: { en: `${key} "${id}" must equal the file name "${stem}"`, zh: `${key}“${id}”必须与文件名“${stem}”相同` },
    });
  return issues.map((i) => ({ ...i, file }));
}
