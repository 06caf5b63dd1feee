/* Generated from core's types by `npm run generate -w core` (scripts/type-schemas-lib.mjs). Do not edit. */

/** JSON Schemas of WordedPlan, VersionsDiff and the core types they reach, by type name (`x-core-type`). */
export const TYPE_SCHEMAS: Record<string, Record<string, unknown>> = {
  ColumnSpec: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      type: { $ref: '#/components/schemas/SqlType' },
      nullable: { type: 'boolean' },
      default: {
        description: 'A constant default (from the JSON Schema `default`), or a SQL expression for system columns.',
        anyOf: [
          { type: 'object', properties: { value: {} }, required: ['value'], additionalProperties: false },
          { type: 'object', properties: { sql: { type: 'string' } }, required: ['sql'], additionalProperties: false },
        ],
      },
      references: { $ref: '#/components/schemas/ForeignKeySpec' },
      enumValues: {
        description: 'Allowed values of a single or multiple choice field; enforced by ajv, tracked for plans.',
        type: 'array',
        items: { type: 'string' },
      },
      system: { type: 'boolean' },
      renamedFrom: { description: 'The previous name, when the definition declares a rename.', type: 'string' },
    },
    required: ['name', 'type', 'nullable'],
    additionalProperties: false,
    'x-core-type': 'ColumnSpec',
  },
  EntityChange: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      fields: {
        description: 'Properties by name; `before`/`after` are the whole field definitions.',
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, before: {}, after: {} },
              required: ['field', 'before', 'after'],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
      recordTypes: {
        description: '`x-entity.recordTypes` by name.',
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: {
            type: 'array',
            items: {
              type: 'object',
              properties: { recordType: { type: 'string' }, before: {}, after: {} },
              required: ['recordType', 'before', 'after'],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
      other: {
        description: 'JSON pointers of every other difference (title, required, x-entity options, i18n…).',
        type: 'array',
        items: { type: 'string' },
      },
    },
    required: ['id', 'fields', 'recordTypes', 'other'],
    additionalProperties: false,
    'x-core-type': 'EntityChange',
  },
  ForeignKeySpec: {
    type: 'object',
    properties: { table: { type: 'string' }, onDelete: { $ref: '#/components/schemas/OnDelete' } },
    required: ['table', 'onDelete'],
    additionalProperties: false,
    'x-core-type': 'ForeignKeySpec',
  },
  FormulaSpec: {
    description:
      'A formula field (`x-formula`). `stored`: the SQL of a STORED generated column of `type`, when the value\ndepends on the row alone and never on the clock; absent: computed by every read statement instead.\n`refs`: the own fields a stored formula reads (a retype of one of them rebuilds the column).',
    type: 'object',
    properties: {
      name: { type: 'string' },
      formula: { type: 'string' },
      type: { $ref: '#/components/schemas/SqlType' },
      stored: { type: 'string' },
      refs: { type: 'array', items: { type: 'string' } },
    },
    required: ['name', 'formula', 'type'],
    additionalProperties: false,
    'x-core-type': 'FormulaSpec',
  },
  IndexSpec: {
    type: 'object',
    properties: { name: { type: 'string' }, columns: { type: 'array', items: { type: 'string' } } },
    required: ['name', 'columns'],
    additionalProperties: false,
    'x-core-type': 'IndexSpec',
  },
  JunctionSpec: {
    description: 'A many-to-many relation field, stored as a junction table `<entity>__<field>`.',
    type: 'object',
    properties: {
      name: { type: 'string' },
      field: { type: 'string' },
      source: { type: 'string' },
      target: { type: 'string' },
      renamedFrom: { type: 'string' },
    },
    required: ['name', 'field', 'source', 'target'],
    additionalProperties: false,
    'x-core-type': 'JunctionSpec',
  },
  KeyIndexSpec: {
    description:
      'An expression index over normalised values (key-normalize.ts): a unique key (`x-entity.unique`) or\nthe lookup index of a duplicate check (`x-entity.duplicates`). Rows with a blank part are left out.',
    type: 'object',
    properties: {
      name: { type: 'string' },
      unique: { type: 'boolean' },
      parts: {
        description: 'Each column with the normalisation steps applied to it (none for columns that are not text).',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            column: { type: 'string' },
            steps: { type: 'array', items: { $ref: '#/components/schemas/KeyStep' } },
          },
          required: ['column', 'steps'],
          additionalProperties: false,
        },
      },
    },
    required: ['name', 'unique', 'parts'],
    additionalProperties: false,
    'x-core-type': 'KeyIndexSpec',
  },
  KeyStep: {
    description:
      "Steps the duplicate check adds to those: `punctuation` drops separators and brackets (phone numbers,\ncodes, names written with （） or 【】), `suffixes` drops a company's legal-form suffix (有限公司…).",
    enum: ['case', 'punctuation', 'spaces', 'suffixes', 'trim', 'width'],
    'x-core-type': 'KeyStep',
  },
  OnDelete: { enum: ['cascade', 'restrict', 'setNull'], 'x-core-type': 'OnDelete' },
  RecordScope: {
    description:
      'Which rows of an entity table follow a workflow when it binds only some record types: only those of\n`recordTypes`, or every row whose record type is not in `exceptRecordTypes` (empty types included).',
    type: 'object',
    properties: {
      recordTypes: { type: 'array', items: { type: 'string' } },
      exceptRecordTypes: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
    'x-core-type': 'RecordScope',
  },
  RoleChange: {
    type: 'object',
    properties: {
      role: { type: 'string' },
      pointers: {
        description: 'Where the role differs, e.g. `/entities/customer/read`.',
        type: 'array',
        items: { type: 'string' },
      },
      before: {},
      after: {},
    },
    required: ['role', 'pointers', 'before', 'after'],
    additionalProperties: false,
    'x-core-type': 'RoleChange',
  },
  RollupSpec: {
    description:
      'A roll-up field (`x-rollup`) of this table: `name` summarises the rows of table `from` whose\nmany-to-one column `via` points here (`op` over their `field`, only those matching `where`).',
    type: 'object',
    properties: {
      name: { type: 'string' },
      from: { type: 'string' },
      via: { type: 'string' },
      op: { enum: ['avg', 'count', 'max', 'min', 'sum'] },
      field: { type: 'string' },
      where: { type: 'string' },
    },
    required: ['name', 'from', 'via', 'op'],
    additionalProperties: false,
    'x-core-type': 'RollupSpec',
  },
  Safety: {
    description:
      'safe: no data can be lost. destructive: data is dropped or changed; needs explicit confirmation.\nblocked: cannot apply as defined (e.g. NOT NULL on a column with empty rows and no default).',
    enum: ['blocked', 'destructive', 'safe'],
    'x-core-type': 'Safety',
  },
  Sequence: {
    type: 'object',
    properties: {
      pattern: { type: 'string' },
      reset: { enum: ['monthly', 'never', 'yearly'] },
      prefixes: { type: 'object', additionalProperties: { type: 'string' } },
    },
    required: ['pattern'],
    additionalProperties: false,
    'x-core-type': 'Sequence',
  },
  SqlType: {
    description: 'The Postgres type of a column, structured so the planner can compare and classify changes.',
    type: 'object',
    properties: {
      base: {
        enum: [
          'bigint',
          'boolean',
          'date',
          'double precision',
          'integer',
          'jsonb',
          'numeric',
          'text',
          'timestamptz',
          'uuid',
          'varchar',
        ],
      },
      length: { type: 'number' },
      precision: { type: 'number' },
      scale: { type: 'number' },
      array: { type: 'boolean' },
    },
    required: ['base'],
    additionalProperties: false,
    'x-core-type': 'SqlType',
  },
  TableSpec: {
    description: 'The relational shape compiled from one entity definition.',
    type: 'object',
    properties: {
      name: { type: 'string' },
      renamedFrom: { type: 'string' },
      columns: { type: 'array', items: { $ref: '#/components/schemas/ColumnSpec' } },
      indexes: { type: 'array', items: { $ref: '#/components/schemas/IndexSpec' } },
      junctions: { type: 'array', items: { $ref: '#/components/schemas/JunctionSpec' } },
      keys: {
        description: 'Unique keys and duplicate-check indexes (absent when the entity declares none).',
        type: 'array',
        items: { $ref: '#/components/schemas/KeyIndexSpec' },
      },
      formulas: {
        description: 'Formula fields (absent when the entity has none).',
        type: 'array',
        items: { $ref: '#/components/schemas/FormulaSpec' },
      },
      rollups: {
        description: 'Roll-up fields, kept by triggers on the child tables (absent when the entity has none).',
        type: 'array',
        items: { $ref: '#/components/schemas/RollupSpec' },
      },
    },
    required: ['name', 'columns', 'indexes', 'junctions'],
    additionalProperties: false,
    'x-core-type': 'TableSpec',
  },
  VersionsDiff: {
    description:
      'Two published versions compared: their differences, and the table steps between them (no row counts).',
    type: 'object',
    properties: {
      from: { type: 'number' },
      to: { type: 'number' },
      plan: {
        description: 'Absent when the older version no longer compiles (its diff is still shown).',
        type: 'object',
        properties: { steps: { type: 'array', items: { $ref: '#/components/schemas/WordedStep' } } },
        required: ['steps'],
        additionalProperties: false,
      },
      entities: {
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: { type: 'array', items: { $ref: '#/components/schemas/EntityChange' } },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
      workflows: {
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: { type: 'array', items: { $ref: '#/components/schemas/WorkflowChange' } },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
      roles: {
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: { type: 'array', items: { $ref: '#/components/schemas/RoleChange' } },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
    },
    required: ['from', 'to', 'entities', 'workflows', 'roles'],
    additionalProperties: false,
    'x-core-type': 'VersionsDiff',
  },
  WordedPlan: {
    description:
      'A plan as the API answers it (plan, publish, rollback, template install): every step worded in both languages.',
    type: 'object',
    properties: {
      steps: { type: 'array', items: { $ref: '#/components/schemas/WordedStep' } },
      baseVersion: { type: 'number' },
    },
    required: ['steps', 'baseVersion'],
    additionalProperties: false,
    'x-core-type': 'WordedPlan',
  },
  WordedStep: {
    description: 'A step as a user is shown it (the plan routes answer so): its words and reason in both languages.',
    anyOf: [
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'createTable' },
          table: { $ref: '#/components/schemas/TableSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropTable' },
          table: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'renameTable' },
          from: { type: 'string' },
          to: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addColumn' },
          table: { type: 'string' },
          column: { $ref: '#/components/schemas/ColumnSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropColumn' },
          table: { type: 'string' },
          column: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'renameColumn' },
          table: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'alterType' },
          table: { type: 'string' },
          column: { type: 'string' },
          from: { $ref: '#/components/schemas/SqlType' },
          to: { $ref: '#/components/schemas/SqlType' },
          nullable: { type: 'boolean' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'setNotNull' },
          table: { type: 'string' },
          column: { type: 'string' },
          backfill: {},
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropNotNull' },
          table: { type: 'string' },
          column: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'setDefault' },
          table: { type: 'string' },
          column: { type: 'string' },
          default: {
            anyOf: [
              { type: 'object', properties: { value: {} }, required: ['value'], additionalProperties: false },
              {
                type: 'object',
                properties: { sql: { type: 'string' } },
                required: ['sql'],
                additionalProperties: false,
              },
            ],
          },
          type: { $ref: '#/components/schemas/SqlType' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addEnumValues' },
          table: { type: 'string' },
          column: { type: 'string' },
          values: { type: 'array', items: { type: 'string' } },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'values'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'removeEnumValues' },
          table: { type: 'string' },
          column: { type: 'string' },
          values: { type: 'array', items: { type: 'string' } },
          array: { type: 'boolean' },
          nullable: { type: 'boolean' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'values', 'array'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addForeignKey' },
          table: { type: 'string' },
          column: { type: 'string' },
          references: { $ref: '#/components/schemas/ForeignKeySpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'references'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropForeignKey' },
          table: { type: 'string' },
          column: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addIndex' },
          table: { type: 'string' },
          index: { $ref: '#/components/schemas/IndexSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'index'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropIndex' },
          table: { type: 'string' },
          index: { $ref: '#/components/schemas/IndexSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'index'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addKeyIndex' },
          table: { type: 'string' },
          key: { $ref: '#/components/schemas/KeyIndexSpec' },
          duplicates: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'key'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropKeyIndex' },
          table: { type: 'string' },
          key: { $ref: '#/components/schemas/KeyIndexSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'key'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'createJunction' },
          junction: { $ref: '#/components/schemas/JunctionSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'junction'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropJunction' },
          junction: { $ref: '#/components/schemas/JunctionSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'junction'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'renameJunction' },
          from: { type: 'string' },
          to: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addFormula' },
          table: { type: 'string' },
          formula: { $ref: '#/components/schemas/FormulaSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'formula'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'changeFormula' },
          table: { type: 'string' },
          from: { $ref: '#/components/schemas/FormulaSpec' },
          to: { $ref: '#/components/schemas/FormulaSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropFormula' },
          table: { type: 'string' },
          formula: { $ref: '#/components/schemas/FormulaSpec' },
          replaced: { type: 'boolean' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'formula'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'setRollup' },
          table: { type: 'string' },
          rollup: { $ref: '#/components/schemas/RollupSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'rollup'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropRollup' },
          table: { type: 'string' },
          rollup: { $ref: '#/components/schemas/RollupSpec' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'rollup'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'addSequence' },
          table: { type: 'string' },
          column: { type: 'string' },
          sequence: { $ref: '#/components/schemas/Sequence' },
          renumber: { type: 'boolean' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'sequence'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'changeSequence' },
          table: { type: 'string' },
          column: { type: 'string' },
          from: { $ref: '#/components/schemas/Sequence' },
          to: { $ref: '#/components/schemas/Sequence' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'renameSequence' },
          table: { type: 'string' },
          column: { type: 'string' },
          from: {
            type: 'object',
            properties: { table: { type: 'string' }, column: { type: 'string' } },
            required: ['table', 'column'],
            additionalProperties: false,
          },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column', 'from'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'dropSequence' },
          table: { type: 'string' },
          column: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'table', 'column'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'renameState' },
          workflow: { type: 'string' },
          table: { type: 'string' },
          scope: { $ref: '#/components/schemas/RecordScope' },
          from: { type: 'string' },
          to: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'workflow', 'table', 'from', 'to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          safety: { $ref: '#/components/schemas/Safety' },
          reason: { description: 'Why this step has its safety, in words an admin understands.', type: 'string' },
          rows: {
            description: 'Rows the step touches (destructive and blocked steps, and type changes), once counted.',
            type: 'number',
          },
          text: {
            description: 'The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.',
            $ref: '#/components/schemas/Text',
          },
          reasonText: { $ref: '#/components/schemas/Text' },
          kind: { const: 'moveState' },
          workflow: { type: 'string' },
          table: { type: 'string' },
          scope: { $ref: '#/components/schemas/RecordScope' },
          state: { type: 'string' },
          to: { type: 'string' },
          initial: { type: 'string' },
        },
        required: ['safety', 'reason', 'text', 'reasonText', 'kind', 'workflow', 'table', 'state', 'initial'],
        additionalProperties: false,
      },
    ],
    'x-core-type': 'WordedStep',
  },
  WorkflowChange: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      states: {
        description: 'States by name, compared without their transitions (those are listed under `transitions`).',
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: {
            type: 'array',
            items: {
              type: 'object',
              properties: { state: { type: 'string' }, before: {}, after: {} },
              required: ['state', 'before', 'after'],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
      transitions: {
        description: 'Transitions by id: `<state>.<EVENT>` (on), `<state>.after.<delay>`, `<state>.always`.',
        type: 'object',
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          removed: { type: 'array', items: { type: 'string' } },
          changed: {
            type: 'array',
            items: {
              type: 'object',
              properties: { transition: { type: 'string' }, before: {}, after: {} },
              required: ['transition', 'before', 'after'],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              'The title of every name listed (added, removed or changed), in both languages, for people reading the diff.',
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Text' },
          },
        },
        required: ['added', 'removed', 'changed'],
        additionalProperties: false,
      },
      other: {
        description: 'JSON pointers of every other difference (initial, meta…).',
        type: 'array',
        items: { type: 'string' },
      },
    },
    required: ['id', 'states', 'transitions', 'other'],
    additionalProperties: false,
    'x-core-type': 'WorkflowChange',
  },
};
