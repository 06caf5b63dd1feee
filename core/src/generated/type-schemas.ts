/* Generated from core's types by `npm run generate -w core` (scripts/type-schemas-lib.mjs). Do not edit. */

/** JSON Schemas of WordedPlan, VersionsDiff, FunnelReport, TimeInStageReport, ForecastReport, WinRateReport, TitledHistoryRow, AuditPage, VersionSummary, StoredVersion, StoredDraft, EffectivePermissions, MyDay, MyDelegation, DelegationList, ApprovalDelegation, NotificationPage, NotificationsMarked, RecordPage, GroupsAnswer, TransitionsAnswer, TransitionMade, DuplicateAnswer, User, ListedUser, SignedIn, OrgUnit, DirectoryEntry, SavedView, HandoverResult, InstallAnswer, TemplateJson, ScheduleList, ScheduleRunPage, ScheduleRun and the core types they reach, by type name (`x-core-type`). */
export const TYPE_SCHEMAS: Record<string, Record<string, unknown>> = {
  AllowedEvent: {
    description:
      "One event of the current state, whether the caller may send it now, and why not.",
    type: "object",
    properties: {
      event: { type: "string" },
      target: {
        description:
          "The state it leads to: the one it would take now, else the first one it names.",
        type: "string",
      },
      allowed: { type: "boolean" },
      reason: {
        description: "Why the event is blocked now, in both languages.",
        $ref: "#/components/schemas/Text",
      },
    },
    required: ["event", "target", "allowed"],
    additionalProperties: false,
    "x-core-type": "AllowedEvent",
  },
  ApprovalDelegation: {
    description:
      "A user's approvals handed to another user for a period (`/delegations`): while it runs, the delegate may\ndecide every approval the user may, recorded as by the delegate on behalf of the user.",
    type: "object",
    properties: {
      userId: { type: "string", format: "uuid" },
      userName: { type: "string" },
      delegateId: { type: "string", format: "uuid" },
      delegateName: { type: "string" },
      startsAt: { type: "string", format: "date-time" },
      endsAt: { type: "string", format: "date-time" },
      active: { description: "Whether the period holds now.", type: "boolean" },
    },
    required: [
      "userId",
      "userName",
      "delegateId",
      "delegateName",
      "startsAt",
      "endsAt",
      "active",
    ],
    additionalProperties: false,
    "x-core-type": "ApprovalDelegation",
  },
  ApprovalInboxItem: {
    description:
      "One approval the caller may decide now, directly or as a delegate (My day's approval inbox).",
    type: "object",
    properties: {
      entity: { type: "string" },
      id: { type: "string", format: "uuid" },
      title: { description: "The record's title field." },
      workflow: { type: "string" },
      state: { type: "string" },
      step: {
        description: "The step the caller would decide, by id and title.",
        type: "object",
        properties: {
          id: { type: "string" },
          title: { $ref: "#/components/schemas/Text" },
        },
        required: ["id", "title"],
        additionalProperties: false,
      },
      amountField: {
        description:
          "The workflow's amount field and its value, when it has one.",
        type: "string",
      },
      amount: { anyOf: [{ type: "null" }, { type: "number" }] },
      owner: {
        description: "Who owns the record.",
        type: "object",
        properties: {
          id: { anyOf: [{ type: "null" }, { type: "string" }] },
          name: { anyOf: [{ type: "null" }, { type: "string" }] },
        },
        required: ["id", "name"],
        additionalProperties: false,
      },
      onBehalfOf: {
        description:
          "Set when the caller decides as a delegate: the user they stand in for.",
        type: "object",
        properties: { id: { type: "string" }, name: { type: "string" } },
        required: ["id", "name"],
        additionalProperties: false,
      },
      since: {
        description:
          "When the record entered the approval state (the inbox lists oldest first).",
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "date-time",
      },
      version: { type: "integer" },
    },
    required: [
      "entity",
      "id",
      "title",
      "workflow",
      "state",
      "step",
      "owner",
      "since",
      "version",
    ],
    additionalProperties: false,
    "x-core-type": "ApprovalInboxItem",
  },
  AuditAction: {
    enum: [
      "create",
      "delete",
      "handover",
      "permission",
      "publish",
      "transition",
      "update",
    ],
    "x-core-type": "AuditAction",
  },
  AuditChanges: {
    description:
      '`{ field: [before, after] }`, JSON values (a Date is its ISO text); null stands for "no value".',
    type: "object",
    additionalProperties: {
      type: "array",
      prefixItems: [{}, {}],
      minItems: 2,
      maxItems: 2,
    },
    "x-core-type": "AuditChanges",
  },
  AuditPage: {
    description: "A page of audit rows, newest first.",
    type: "object",
    properties: {
      data: { type: "array", items: { $ref: "#/components/schemas/AuditRow" } },
      nextCursor: {
        description:
          "The cursor of the next (older) page; null on the last page.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
    },
    required: ["data", "nextCursor"],
    additionalProperties: false,
    "x-core-type": "AuditPage",
  },
  AuditRow: {
    description:
      "One audit row. `id` is text: it is a bigint, and the cursor of the next page.",
    type: "object",
    properties: {
      id: { type: "string" },
      at: { type: "string" },
      actorId: {
        description: "null: the engine itself.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      entity: {
        description:
          "An entity id, or `lodestar.user`, `lodestar.orgUnit`, `lodestar.model`.",
        type: "string",
      },
      recordId: { type: "string" },
      action: { $ref: "#/components/schemas/AuditAction" },
      changes: { $ref: "#/components/schemas/AuditChanges" },
      detail: {
        description:
          "What the change was beyond field values: `{ event, from, to }` of a transition, a publish's plan summary.",
      },
      requestId: { anyOf: [{ type: "null" }, { type: "string" }] },
    },
    required: [
      "id",
      "at",
      "actorId",
      "entity",
      "recordId",
      "action",
      "changes",
      "detail",
      "requestId",
    ],
    additionalProperties: false,
    "x-core-type": "AuditRow",
  },
  ColumnSpec: {
    type: "object",
    properties: {
      name: { type: "string" },
      type: { $ref: "#/components/schemas/SqlType" },
      nullable: { type: "boolean" },
      default: {
        description:
          "A constant default (from the JSON Schema `default`), or a SQL expression for system columns.",
        anyOf: [
          {
            type: "object",
            properties: { value: {} },
            required: ["value"],
            additionalProperties: false,
          },
          {
            type: "object",
            properties: { sql: { type: "string" } },
            required: ["sql"],
            additionalProperties: false,
          },
        ],
      },
      references: { $ref: "#/components/schemas/ForeignKeySpec" },
      enumValues: {
        description:
          "Allowed values of a single or multiple choice field; enforced by ajv, tracked for plans.",
        type: "array",
        items: { type: "string" },
      },
      system: { type: "boolean" },
      renamedFrom: {
        description:
          "The previous name, when the definition declares a rename.",
        type: "string",
      },
    },
    required: ["name", "type", "nullable"],
    additionalProperties: false,
    "x-core-type": "ColumnSpec",
  },
  CompletedStays: {
    type: "object",
    properties: {
      count: { type: "integer" },
      meanHours: { anyOf: [{ type: "null" }, { type: "number" }] },
      medianHours: { anyOf: [{ type: "null" }, { type: "number" }] },
    },
    required: ["count", "meanHours", "medianHours"],
    additionalProperties: false,
    "x-core-type": "CompletedStays",
  },
  CountAndAmount: {
    type: "object",
    properties: {
      count: { type: "integer" },
      amount: { anyOf: [{ type: "null" }, { type: "number" }] },
    },
    required: ["count", "amount"],
    additionalProperties: false,
    "x-core-type": "CountAndAmount",
  },
  CurrentStays: {
    type: "object",
    properties: {
      count: { type: "integer" },
      meanAgeHours: { anyOf: [{ type: "null" }, { type: "number" }] },
      medianAgeHours: { anyOf: [{ type: "null" }, { type: "number" }] },
    },
    required: ["count", "meanAgeHours", "medianAgeHours"],
    additionalProperties: false,
    "x-core-type": "CurrentStays",
  },
  DelegationList: {
    description:
      "`GET /delegations` (administrators): every delegation running or to come.",
    type: "object",
    properties: {
      data: {
        type: "array",
        items: { $ref: "#/components/schemas/ApprovalDelegation" },
      },
    },
    required: ["data"],
    additionalProperties: false,
    "x-core-type": "DelegationList",
  },
  DirectoryEntry: {
    description:
      "One active user as every signed-in user may see them: enough to name owners and pick people.",
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      displayName: { type: "string" },
      email: { type: "string" },
      orgUnitId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
    },
    required: ["id", "displayName", "email", "orgUnitId"],
    additionalProperties: false,
    "x-core-type": "DirectoryEntry",
  },
  DuplicateAnswer: {
    description:
      "The possible duplicates of the values typed so far, strongest first (at most 10).",
    type: "object",
    properties: {
      conflict: {
        description:
          "True when saving these values would be refused (a unique key matched: 409).",
        type: "boolean",
      },
      matches: {
        type: "array",
        items: { $ref: "#/components/schemas/DuplicateMatch" },
      },
    },
    required: ["conflict", "matches"],
    additionalProperties: false,
    "x-core-type": "DuplicateAnswer",
  },
  DuplicateMatch: {
    description:
      "One record found, with every reason it matched and what the entity's reveal level lets the caller see.",
    type: "object",
    properties: {
      readable: {
        description:
          "Whether the caller may open the record (then `id` is given).",
        type: "boolean",
      },
      id: { type: "string", format: "uuid" },
      title: { type: "string" },
      owner: {
        description: "`id` only with a record the caller may read.",
        type: "object",
        properties: { id: { type: "string" }, name: { type: "string" } },
        required: ["name"],
        additionalProperties: false,
      },
      reasons: {
        type: "array",
        items: { $ref: "#/components/schemas/MatchReason" },
      },
      similarity: {
        description:
          "How alike the names are (0–1, Dice coefficient of character pairs), for similar names.",
        type: "number",
        minimum: 0,
        maximum: 1,
      },
      text: {
        description:
          "The hint the form shows under the field, in both languages.",
        $ref: "#/components/schemas/Text",
      },
    },
    required: ["readable", "reasons", "text"],
    additionalProperties: false,
    "x-core-type": "DuplicateMatch",
  },
  EffectivePermissions: {
    description:
      "What the caller may do with one entity, their roles' grants (EntityPermission) combined: the scope of each\naction, and the fields they may not write.",
    type: "object",
    properties: {
      read: { $ref: "#/components/schemas/Scope" },
      create: { $ref: "#/components/schemas/Scope" },
      update: { $ref: "#/components/schemas/Scope" },
      delete: { $ref: "#/components/schemas/Scope" },
      readOnly: { type: "array", items: { type: "string" } },
    },
    required: ["read", "create", "update", "delete", "readOnly"],
    additionalProperties: false,
    "x-core-type": "EffectivePermissions",
  },
  EntityChange: {
    type: "object",
    properties: {
      id: { type: "string" },
      fields: {
        description:
          "Properties by name; `before`/`after` are the whole field definitions.",
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: {
              type: "object",
              properties: { field: { type: "string" }, before: {}, after: {} },
              required: ["field", "before", "after"],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
      recordTypes: {
        description: "`x-entity.recordTypes` by name.",
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: {
              type: "object",
              properties: {
                recordType: { type: "string" },
                before: {},
                after: {},
              },
              required: ["recordType", "before", "after"],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
      other: {
        description:
          "JSON pointers of every other difference (title, required, x-entity options, i18n…).",
        type: "array",
        items: { type: "string" },
      },
    },
    required: ["id", "fields", "recordTypes", "other"],
    additionalProperties: false,
    "x-core-type": "EntityChange",
  },
  ForecastReport: {
    type: "object",
    properties: {
      amountField: { anyOf: [{ type: "null" }, { type: "string" }] },
      closeDateField: { anyOf: [{ type: "null" }, { type: "string" }] },
      months: {
        description: "By month (YYYY-MM; null: no date), oldest first.",
        type: "array",
        items: {
          type: "object",
          properties: {
            month: { anyOf: [{ type: "null" }, { type: "string" }] },
            open: { $ref: "#/components/schemas/OpenForecast" },
            won: { $ref: "#/components/schemas/CountAndAmount" },
          },
          required: ["month", "open", "won"],
          additionalProperties: false,
        },
      },
      totals: {
        type: "object",
        properties: {
          open: { $ref: "#/components/schemas/OpenForecast" },
          won: { $ref: "#/components/schemas/CountAndAmount" },
        },
        required: ["open", "won"],
        additionalProperties: false,
      },
      workflow: { type: "string" },
      entity: { type: "string" },
      filters: {
        type: "object",
        properties: {
          owner: { anyOf: [{ type: "null" }, { type: "string" }] },
          recordType: { anyOf: [{ type: "null" }, { type: "string" }] },
          from: { anyOf: [{ type: "null" }, { type: "string" }] },
          to: { anyOf: [{ type: "null" }, { type: "string" }] },
        },
        required: ["owner", "recordType", "from", "to"],
        additionalProperties: false,
      },
      period: { type: "string" },
      definition: { type: "string" },
    },
    required: [
      "amountField",
      "closeDateField",
      "months",
      "totals",
      "workflow",
      "entity",
      "filters",
      "period",
      "definition",
    ],
    additionalProperties: false,
    "x-core-type": "ForecastReport",
  },
  ForeignKeySpec: {
    type: "object",
    properties: {
      table: { type: "string" },
      onDelete: { $ref: "#/components/schemas/OnDelete" },
    },
    required: ["table", "onDelete"],
    additionalProperties: false,
    "x-core-type": "ForeignKeySpec",
  },
  FormulaSpec: {
    description:
      "A formula field (`x-formula`). `stored`: the SQL of a STORED generated column of `type`, when the value\ndepends on the row alone and never on the clock; absent: computed by every read statement instead.\n`refs`: the own fields a stored formula reads (a retype of one of them rebuilds the column).",
    type: "object",
    properties: {
      name: { type: "string" },
      formula: { type: "string" },
      type: { $ref: "#/components/schemas/SqlType" },
      stored: { type: "string" },
      refs: { type: "array", items: { type: "string" } },
    },
    required: ["name", "formula", "type"],
    additionalProperties: false,
    "x-core-type": "FormulaSpec",
  },
  FunnelReport: {
    type: "object",
    properties: {
      amountField: { anyOf: [{ type: "null" }, { type: "string" }] },
      total: { $ref: "#/components/schemas/CountAndAmount" },
      stages: {
        type: "array",
        items: { $ref: "#/components/schemas/FunnelStage" },
      },
      lost: {
        description: "Records whose current state is lost, per lost state.",
        type: "array",
        items: {
          type: "object",
          properties: {
            count: { type: "integer" },
            amount: { anyOf: [{ type: "null" }, { type: "number" }] },
            state: { type: "string" },
            title: {
              anyOf: [
                { type: "null" },
                { type: "string" },
                { type: "object", additionalProperties: { type: "string" } },
              ],
            },
          },
          required: ["count", "amount", "state", "title"],
          additionalProperties: false,
        },
      },
      workflow: { type: "string" },
      entity: { type: "string" },
      filters: {
        type: "object",
        properties: {
          owner: { anyOf: [{ type: "null" }, { type: "string" }] },
          recordType: { anyOf: [{ type: "null" }, { type: "string" }] },
          from: { anyOf: [{ type: "null" }, { type: "string" }] },
          to: { anyOf: [{ type: "null" }, { type: "string" }] },
        },
        required: ["owner", "recordType", "from", "to"],
        additionalProperties: false,
      },
      period: { type: "string" },
      definition: { type: "string" },
    },
    required: [
      "amountField",
      "total",
      "stages",
      "lost",
      "workflow",
      "entity",
      "filters",
      "period",
      "definition",
    ],
    additionalProperties: false,
    "x-core-type": "FunnelReport",
  },
  FunnelStage: {
    type: "object",
    properties: {
      conversion: {
        description:
          "count / count of the previous stage (null for the first, or after an empty stage).",
        anyOf: [{ type: "null" }, { type: "number" }],
      },
      conversionFromFirst: { anyOf: [{ type: "null" }, { type: "number" }] },
      state: { type: "string" },
      title: {
        anyOf: [
          { type: "null" },
          { type: "string" },
          { type: "object", additionalProperties: { type: "string" } },
        ],
      },
      outcome: { $ref: "#/components/schemas/StageOutcome" },
      probability: { anyOf: [{ type: "null" }, { type: "number" }] },
      count: { type: "integer" },
      amount: { anyOf: [{ type: "null" }, { type: "number" }] },
    },
    required: [
      "conversion",
      "conversionFromFirst",
      "state",
      "title",
      "outcome",
      "probability",
      "count",
      "amount",
    ],
    additionalProperties: false,
    "x-core-type": "FunnelStage",
  },
  GroupRow: {
    description:
      "The records with one value of the grouped field: how many, and the total of the summed field.",
    type: "object",
    properties: {
      key: {
        description:
          "The value (a date or instant as its ISO text); null for records without one.",
      },
      count: { type: "integer" },
      sum: {
        description:
          "null when nothing was summed, or no record in the group has a value.",
        anyOf: [{ type: "null" }, { type: "number" }],
      },
    },
    required: ["key", "count", "sum"],
    additionalProperties: false,
    "x-core-type": "GroupRow",
  },
  GroupsAnswer: {
    description:
      "`GET /records/{entity}/groups`: counts (and sums) per value of `by`, the largest group first.",
    type: "object",
    properties: {
      by: { type: "string" },
      sum: {
        description: "The summed field; null when none was asked for.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      data: { type: "array", items: { $ref: "#/components/schemas/GroupRow" } },
    },
    required: ["by", "sum", "data"],
    additionalProperties: false,
    "x-core-type": "GroupsAnswer",
  },
  HandoverResult: {
    description:
      "What a handover moved (`POST /admin/handover`, `lodestar handover`): engine handover/handover.ts builds it.",
    type: "object",
    properties: {
      moved: {
        description:
          "Records moved (or, in a dry run, that would move) per entity id, every chosen entity listed.",
        type: "object",
        additionalProperties: { type: "integer" },
      },
      total: { type: "integer" },
      dryRun: { type: "boolean" },
    },
    required: ["moved", "total", "dryRun"],
    additionalProperties: false,
    "x-core-type": "HandoverResult",
  },
  IndexSpec: {
    type: "object",
    properties: {
      name: { type: "string" },
      columns: { type: "array", items: { type: "string" } },
    },
    required: ["name", "columns"],
    additionalProperties: false,
    "x-core-type": "IndexSpec",
  },
  InstallAnswer: {
    description:
      "What a template install did (`POST /meta/template/install`): one closed shape per status.",
    anyOf: [
      { $ref: "#/components/schemas/InstallUnchanged" },
      { $ref: "#/components/schemas/InstallPlanned" },
      { $ref: "#/components/schemas/InstallPublished" },
    ],
    "x-core-type": "InstallAnswer",
  },
  InstallPlanned: {
    description: "A dry run: the plan an install would apply.",
    type: "object",
    properties: {
      status: { const: "planned" },
      plan: { $ref: "#/components/schemas/WordedPlan" },
      template: { $ref: "#/components/schemas/TemplateId" },
      previous: {
        description: "The template it upgrades, when one was installed.",
        $ref: "#/components/schemas/TemplateId",
      },
    },
    required: ["status", "plan", "template"],
    additionalProperties: false,
    "x-core-type": "InstallPlanned",
  },
  InstallPublished: {
    description:
      "Published as the next model version, with the plan it applied.",
    type: "object",
    properties: {
      status: { const: "published" },
      version: { type: "integer" },
      plan: { $ref: "#/components/schemas/WordedPlan" },
      template: { $ref: "#/components/schemas/TemplateId" },
      previous: {
        description: "The template it upgrades, when one was installed.",
        $ref: "#/components/schemas/TemplateId",
      },
    },
    required: ["status", "version", "plan", "template"],
    additionalProperties: false,
    "x-core-type": "InstallPublished",
  },
  InstallUnchanged: {
    description:
      "The definitions are already published (a re-run): nothing changed.",
    type: "object",
    properties: {
      status: { const: "unchanged" },
      version: {
        description: "The current version, already this template.",
        type: "integer",
      },
      template: { $ref: "#/components/schemas/TemplateId" },
      previous: {
        description: "The template it upgrades, when one was installed.",
        $ref: "#/components/schemas/TemplateId",
      },
    },
    required: ["status", "version", "template"],
    additionalProperties: false,
    "x-core-type": "InstallUnchanged",
  },
  JunctionSpec: {
    description:
      "A many-to-many relation field, stored as a junction table `<entity>__<field>`.",
    type: "object",
    properties: {
      name: { type: "string" },
      field: { type: "string" },
      source: { type: "string" },
      target: { type: "string" },
      renamedFrom: { type: "string" },
      attributes: {
        description:
          "Link attributes (`x-relation.attributes`): columns of the link table beside source, target and position.",
        type: "array",
        items: { $ref: "#/components/schemas/ColumnSpec" },
      },
    },
    required: ["name", "field", "source", "target"],
    additionalProperties: false,
    "x-core-type": "JunctionSpec",
  },
  KeyIndexSpec: {
    description:
      "An expression index over normalised values (key-normalize.ts): a unique key (`x-entity.unique`) or\nthe lookup index of a duplicate check (`x-entity.duplicates`). Rows with a blank part are left out.",
    type: "object",
    properties: {
      name: { type: "string" },
      unique: { type: "boolean" },
      parts: {
        description:
          "Each column with the normalisation steps applied to it (none for columns that are not text).",
        type: "array",
        items: {
          type: "object",
          properties: {
            column: { type: "string" },
            steps: {
              type: "array",
              items: { $ref: "#/components/schemas/KeyStep" },
            },
          },
          required: ["column", "steps"],
          additionalProperties: false,
        },
      },
    },
    required: ["name", "unique", "parts"],
    additionalProperties: false,
    "x-core-type": "KeyIndexSpec",
  },
  KeyStep: {
    description:
      "Steps the duplicate check adds to those: `punctuation` drops separators and brackets (phone numbers,\ncodes, names written with （） or 【】), `suffixes` drops a company's legal-form suffix (有限公司…).",
    enum: ["case", "punctuation", "spaces", "suffixes", "trim", "width"],
    "x-core-type": "KeyStep",
  },
  ListedUser: {
    description:
      "A user as administrators list them: with the time their sign-in is throttled until (null when it is not).",
    type: "object",
    properties: {
      signInBlockedUntil: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "date-time",
      },
      id: { type: "string", format: "uuid" },
      email: { type: "string", format: "email" },
      displayName: { type: "string" },
      roles: { type: "array", items: { type: "string" } },
      orgUnitId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      managerId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      active: { type: "boolean" },
      mustChangePassword: {
        description:
          "The password was set by an administrator: the user must change it before anything else.",
        type: "boolean",
      },
    },
    required: [
      "signInBlockedUntil",
      "id",
      "email",
      "displayName",
      "roles",
      "orgUnitId",
      "managerId",
      "active",
      "mustChangePassword",
    ],
    additionalProperties: false,
    "x-core-type": "ListedUser",
  },
  MatchKind: {
    description:
      "Why a record matched: `unique` a unique key (saving would answer 409), `same` the same normalised value, `similarName` a similar name.",
    enum: ["same", "similarName", "unique"],
    "x-core-type": "MatchKind",
  },
  MatchReason: {
    type: "object",
    properties: {
      kind: { $ref: "#/components/schemas/MatchKind" },
      fields: { type: "array", items: { type: "string" } },
    },
    required: ["kind", "fields"],
    additionalProperties: false,
    "x-core-type": "MatchReason",
  },
  MyDay: {
    description: "Each list ordered by `at`, at most 50 items.",
    type: "object",
    properties: {
      today: {
        description: "The caller's day in their time zone.",
        type: "string",
        format: "date",
      },
      due: {
        type: "array",
        items: { $ref: "#/components/schemas/MyDayItem" },
        maxItems: 50,
      },
      overdue: {
        type: "array",
        items: { $ref: "#/components/schemas/MyDayItem" },
        maxItems: 50,
      },
      reminders: {
        type: "array",
        items: { $ref: "#/components/schemas/MyDayItem" },
        maxItems: 50,
      },
      slaBreached: {
        type: "array",
        items: { $ref: "#/components/schemas/MyDayItem" },
        maxItems: 50,
      },
      stuck: {
        type: "array",
        items: { $ref: "#/components/schemas/MyDayItem" },
        maxItems: 50,
      },
      approvals: {
        description:
          "Approvals the caller may decide now (directly or as a delegate), oldest first.",
        type: "array",
        items: { $ref: "#/components/schemas/ApprovalInboxItem" },
        maxItems: 50,
      },
    },
    required: [
      "today",
      "due",
      "overdue",
      "reminders",
      "slaBreached",
      "stuck",
      "approvals",
    ],
    additionalProperties: false,
    "x-core-type": "MyDay",
  },
  MyDayItem: {
    description:
      "One entry: a record, and the moment that puts it in its list.",
    type: "object",
    properties: {
      entity: { type: "string" },
      id: { type: "string", format: "uuid" },
      title: { description: "The record's title field." },
      at: {
        description:
          "Due time, reminder time, breach time or time the state was entered (a date for date fields).",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      state: {
        description: "The record's stage, on entities a workflow binds.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      workflow: { type: "string" },
      record: {
        description:
          "The record as the records API answers it (hidden fields absent).",
        $ref: "#/components/schemas/RecordJson",
      },
    },
    required: ["entity", "id", "title", "at", "record"],
    additionalProperties: false,
    "x-core-type": "MyDayItem",
  },
  MyDelegation: {
    description: "`GET /delegations/me`: the caller's own delegation, if any.",
    type: "object",
    properties: {
      delegation: {
        anyOf: [
          { type: "null" },
          { $ref: "#/components/schemas/ApprovalDelegation" },
        ],
      },
      forMe: {
        description:
          "Users who delegated their approvals to the caller, running now.",
        type: "array",
        items: { $ref: "#/components/schemas/ApprovalDelegation" },
      },
    },
    required: ["delegation", "forMe"],
    additionalProperties: false,
    "x-core-type": "MyDelegation",
  },
  NotificationItem: {
    description:
      "One notification: what a workflow's `notify` told the caller, in both languages, about which record.",
    type: "object",
    properties: {
      id: { type: "integer" },
      title: {
        description:
          "Rendered when it was sent: the record's fields as they stood then, in both languages.",
        $ref: "#/components/schemas/Text",
      },
      body: { $ref: "#/components/schemas/Text" },
      entity: {
        description: "The record it is about; null when it is about no record.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      recordId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      createdAt: { type: "string", format: "date-time" },
      readAt: {
        description: "When the caller marked it read; null while unread.",
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "date-time",
      },
    },
    required: [
      "id",
      "title",
      "body",
      "entity",
      "recordId",
      "createdAt",
      "readAt",
    ],
    additionalProperties: false,
    "x-core-type": "NotificationItem",
  },
  NotificationPage: {
    description:
      "A page of the caller's notifications, and how many are unread in all.",
    type: "object",
    properties: {
      data: {
        type: "array",
        items: { $ref: "#/components/schemas/NotificationItem" },
        maxItems: 100,
      },
      unread: { type: "integer" },
      next: {
        description: "The cursor of the next page; null on the last.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
    },
    required: ["data", "unread", "next"],
    additionalProperties: false,
    "x-core-type": "NotificationPage",
  },
  NotificationsMarked: {
    description:
      "What a read mark changed: how many notifications it marked, and how many stay unread.",
    type: "object",
    properties: { marked: { type: "integer" }, unread: { type: "integer" } },
    required: ["marked", "unread"],
    additionalProperties: false,
    "x-core-type": "NotificationsMarked",
  },
  OnDelete: {
    enum: ["cascade", "restrict", "setNull"],
    "x-core-type": "OnDelete",
  },
  OpenForecast: {
    type: "object",
    properties: {
      weightedAmount: {
        description: "amount × the current state's probability.",
        anyOf: [{ type: "null" }, { type: "number" }],
      },
      count: { type: "integer" },
      amount: { anyOf: [{ type: "null" }, { type: "number" }] },
    },
    required: ["weightedAmount", "count", "amount"],
    additionalProperties: false,
    "x-core-type": "OpenForecast",
  },
  OrgUnit: {
    description: "One unit of the company tree (company → department → team).",
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      parentId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      name: { type: "string" },
      path: {
        description:
          '`/root id/…/own id/`: "this unit and below" is one prefix match.',
        type: "string",
      },
    },
    required: ["id", "parentId", "name", "path"],
    additionalProperties: false,
    "x-core-type": "OrgUnit",
  },
  OutcomeFigures: {
    type: "object",
    properties: {
      averageCycleDays: { anyOf: [{ type: "null" }, { type: "number" }] },
      medianCycleDays: { anyOf: [{ type: "null" }, { type: "number" }] },
      count: { type: "integer" },
      amount: { anyOf: [{ type: "null" }, { type: "number" }] },
    },
    required: ["averageCycleDays", "medianCycleDays", "count", "amount"],
    additionalProperties: false,
    "x-core-type": "OutcomeFigures",
  },
  RecordJson: {
    description:
      "A record as the API answers it: its system attributes and its fields by name (null: no value).",
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      record_type: { anyOf: [{ type: "null" }, { type: "string" }] },
      state: { anyOf: [{ type: "null" }, { type: "string" }] },
      state_entered_at: { anyOf: [{ type: "null" }, { type: "string" }] },
      sla_breached_at: { anyOf: [{ type: "null" }, { type: "string" }] },
      owner_id: { anyOf: [{ type: "null" }, { type: "string" }] },
      created_at: { type: "string" },
      updated_at: { type: "string" },
      created_by: { anyOf: [{ type: "null" }, { type: "string" }] },
      updated_by: { anyOf: [{ type: "null" }, { type: "string" }] },
      version: { type: "integer" },
    },
    required: ["id"],
    additionalProperties: {},
    "x-core-type": "RecordJson",
  },
  RecordPage: {
    description: "One keyset page of a records list.",
    type: "object",
    properties: {
      data: {
        type: "array",
        items: { $ref: "#/components/schemas/RecordJson" },
      },
      nextCursor: {
        description: "The `cursor` of the next page; null on the last page.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
    },
    required: ["data", "nextCursor"],
    additionalProperties: false,
    "x-core-type": "RecordPage",
  },
  RecordScope: {
    description:
      "Which rows of an entity table follow a workflow when it binds only some record types: only those of\n`recordTypes`, or every row whose record type is not in `exceptRecordTypes` (empty types included).",
    type: "object",
    properties: {
      recordTypes: { type: "array", items: { type: "string" } },
      exceptRecordTypes: { type: "array", items: { type: "string" } },
    },
    additionalProperties: false,
    "x-core-type": "RecordScope",
  },
  RoleChange: {
    type: "object",
    properties: {
      role: { type: "string" },
      pointers: {
        description: "Where the role differs, e.g. `/entities/customer/read`.",
        type: "array",
        items: { type: "string" },
      },
      before: {},
      after: {},
    },
    required: ["role", "pointers", "before", "after"],
    additionalProperties: false,
    "x-core-type": "RoleChange",
  },
  RollupSpec: {
    description:
      "A roll-up field (`x-rollup`) of this table: `name` summarises the rows of table `from` whose\nmany-to-one column `via` points here (`op` over their `field`, only those matching `where`).",
    type: "object",
    properties: {
      name: { type: "string" },
      from: { type: "string" },
      via: { type: "string" },
      op: { enum: ["avg", "count", "max", "min", "sum"] },
      field: { type: "string" },
      where: { type: "string" },
    },
    required: ["name", "from", "via", "op"],
    additionalProperties: false,
    "x-core-type": "RollupSpec",
  },
  Safety: {
    description:
      "safe: no data can be lost. destructive: data is dropped or changed; needs explicit confirmation.\nblocked: cannot apply as defined (e.g. NOT NULL on a column with empty rows and no default).",
    enum: ["blocked", "destructive", "safe"],
    "x-core-type": "Safety",
  },
  SavedView: {
    description:
      "A saved list view: the list query the runtime UI replays, stored as the UI gave it.",
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      entity: { type: "string" },
      name: { type: "string" },
      query: { type: "object", additionalProperties: {} },
      createdAt: { type: "string", format: "date-time" },
    },
    required: ["id", "entity", "name", "query", "createdAt"],
    additionalProperties: false,
    "x-core-type": "SavedView",
  },
  ScheduleList: {
    description: "`GET /schedules`.",
    type: "object",
    properties: {
      data: {
        type: "array",
        items: { $ref: "#/components/schemas/ScheduleListing" },
      },
    },
    required: ["data"],
    additionalProperties: false,
    "x-core-type": "ScheduleList",
  },
  ScheduleListing: {
    description: "A schedule of the published model as administrators see it.",
    type: "object",
    properties: {
      key: { description: "`<workflow>/<schedule id>`.", type: "string" },
      workflow: { type: "string" },
      id: { type: "string" },
      title: { $ref: "#/components/schemas/Text" },
      entity: { type: "string" },
      cron: { type: "string" },
      timeZone: { type: "string" },
      action: { enum: ["event", "notify", "set"] },
      enabled: { type: "boolean" },
      nextDueAt: {
        description:
          "The next due time (null when disabled or the pattern never matches again).",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      lastRun: {
        anyOf: [{ type: "null" }, { $ref: "#/components/schemas/ScheduleRun" }],
      },
    },
    required: [
      "key",
      "workflow",
      "id",
      "title",
      "entity",
      "cron",
      "timeZone",
      "action",
      "enabled",
      "nextDueAt",
      "lastRun",
    ],
    additionalProperties: false,
    "x-core-type": "ScheduleListing",
  },
  ScheduleRun: {
    description:
      "One run of a schedule: the run log's line, with its progress while it runs.",
    type: "object",
    properties: {
      id: { type: "integer" },
      schedule: { description: "`<workflow>/<schedule id>`.", type: "string" },
      trigger: {
        description: '`cron`: claimed at its due time; `manual`: "run now".',
        enum: ["cron", "manual"],
      },
      dueAt: {
        description:
          "The due time it ran for (a manual run: when it was asked for).",
        type: "string",
      },
      status: { enum: ["failed", "queued", "running", "succeeded"] },
      requestedBy: {
        description: "Who asked for a manual run.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      total: {
        description:
          "Records matching when the run started; null until it starts (a report: null).",
        anyOf: [{ type: "null" }, { type: "integer" }],
      },
      processed: { type: "integer" },
      changed: {
        description:
          "Records changed (set), moved (event) or mails queued (notify).",
        type: "integer",
      },
      failed: { type: "integer" },
      refusals: {
        description: "Events a guard refused: counted, not fatal.",
        type: "integer",
      },
      samples: {
        type: "array",
        items: { $ref: "#/components/schemas/ScheduleRunSample" },
        maxItems: 20,
      },
      error: {
        anyOf: [{ type: "null" }, { $ref: "#/components/schemas/Text" }],
      },
      createdAt: { type: "string" },
      startedAt: { anyOf: [{ type: "null" }, { type: "string" }] },
      finishedAt: { anyOf: [{ type: "null" }, { type: "string" }] },
    },
    required: [
      "id",
      "schedule",
      "trigger",
      "dueAt",
      "status",
      "requestedBy",
      "total",
      "processed",
      "changed",
      "failed",
      "refusals",
      "samples",
      "error",
      "createdAt",
      "startedAt",
      "finishedAt",
    ],
    additionalProperties: false,
    "x-core-type": "ScheduleRun",
  },
  ScheduleRunPage: {
    description: "`GET /schedules/runs`: newest first.",
    type: "object",
    properties: {
      data: {
        type: "array",
        items: { $ref: "#/components/schemas/ScheduleRun" },
      },
    },
    required: ["data"],
    additionalProperties: false,
    "x-core-type": "ScheduleRunPage",
  },
  ScheduleRunSample: {
    description:
      "A record a run could not change, and why (a guard's refusal, a value that does not fit its field).",
    type: "object",
    properties: {
      recordId: { type: "string", format: "uuid" },
      reason: { $ref: "#/components/schemas/Text" },
    },
    required: ["recordId", "reason"],
    additionalProperties: false,
    "x-core-type": "ScheduleRunSample",
  },
  Scope: { enum: ["all", "none", "own", "team"], "x-core-type": "Scope" },
  Sequence: {
    type: "object",
    properties: {
      pattern: { type: "string" },
      reset: { enum: ["monthly", "never", "yearly"] },
      prefixes: { type: "object", additionalProperties: { type: "string" } },
    },
    required: ["pattern"],
    additionalProperties: false,
    "x-core-type": "Sequence",
  },
  SignedIn: {
    description:
      "A signed-in session (`POST /auth/login`, the first-run `POST /auth/setup`): engine identity/sessions.ts builds it.",
    type: "object",
    properties: {
      token: {
        description:
          "The bearer token: sent as `Authorization: Bearer …` until it expires or the user signs out.",
        type: "string",
      },
      expiresAt: { type: "string", format: "date-time" },
      user: { $ref: "#/components/schemas/User" },
    },
    required: ["token", "expiresAt", "user"],
    additionalProperties: false,
    "x-core-type": "SignedIn",
  },
  SqlType: {
    description:
      "The Postgres type of a column, structured so the planner can compare and classify changes.",
    type: "object",
    properties: {
      base: {
        enum: [
          "bigint",
          "boolean",
          "date",
          "double precision",
          "integer",
          "jsonb",
          "numeric",
          "text",
          "timestamptz",
          "uuid",
          "varchar",
        ],
      },
      length: { type: "integer" },
      precision: { type: "integer" },
      scale: { type: "integer" },
      array: { type: "boolean" },
    },
    required: ["base"],
    additionalProperties: false,
    "x-core-type": "SqlType",
  },
  StageOutcome: {
    description:
      "A stage's outcome (`meta.outcome`); absent in the definition means open.",
    enum: ["lost", "open", "won"],
    "x-core-type": "StageOutcome",
  },
  StoredDraft: {
    description: "A saved draft (`GET /meta/drafts/{id}`).",
    type: "object",
    properties: {
      id: { type: "string" },
      definitions: { $ref: "#/components/schemas/DefinitionSet" },
      base_version: {
        description: "The version the draft was made from.",
        type: "integer",
      },
      updated_by: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      updated_at: { type: "string", format: "date-time" },
    },
    required: ["id", "definitions", "base_version", "updated_by", "updated_at"],
    additionalProperties: false,
    "x-core-type": "StoredDraft",
  },
  StoredVersion: {
    description:
      "A published version: its definitions and the plan it applied (`GET /meta/versions/{version}`).",
    type: "object",
    properties: {
      version: { type: "integer" },
      hash: { type: "string" },
      definitions: { $ref: "#/components/schemas/DefinitionSet" },
      plan: {
        description: "The plan this version applied, as it was stored then.",
      },
      source: { type: "string" },
      note: { anyOf: [{ type: "null" }, { type: "string" }] },
      published_by: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      published_at: { type: "string", format: "date-time" },
    },
    required: [
      "version",
      "hash",
      "definitions",
      "plan",
      "source",
      "note",
      "published_by",
      "published_at",
    ],
    additionalProperties: false,
    "x-core-type": "StoredVersion",
  },
  TableSpec: {
    description: "The relational shape compiled from one entity definition.",
    type: "object",
    properties: {
      name: { type: "string" },
      renamedFrom: { type: "string" },
      columns: {
        type: "array",
        items: { $ref: "#/components/schemas/ColumnSpec" },
      },
      indexes: {
        type: "array",
        items: { $ref: "#/components/schemas/IndexSpec" },
      },
      junctions: {
        type: "array",
        items: { $ref: "#/components/schemas/JunctionSpec" },
      },
      rollups: {
        description:
          "Roll-up fields, kept by triggers on the child tables (absent when the entity has none).",
        type: "array",
        items: { $ref: "#/components/schemas/RollupSpec" },
      },
      keys: {
        description:
          "Unique keys and duplicate-check indexes (absent when the entity declares none).",
        type: "array",
        items: { $ref: "#/components/schemas/KeyIndexSpec" },
      },
      formulas: {
        description: "Formula fields (absent when the entity has none).",
        type: "array",
        items: { $ref: "#/components/schemas/FormulaSpec" },
      },
    },
    required: ["name", "columns", "indexes", "junctions"],
    additionalProperties: false,
    "x-core-type": "TableSpec",
  },
  TemplateId: {
    description: "Which template, and which release of it (semver).",
    type: "object",
    properties: { name: { type: "string" }, version: { type: "string" } },
    required: ["name", "version"],
    additionalProperties: false,
    "x-core-type": "TemplateId",
  },
  TemplateJson: {
    description:
      "A template as one JSON document, mirroring its folder file by file: `schemas` and `workflows` are keyed by\nfile name (`customer.schema.json`, `sales.workflow.json`), `roles` is `roles.json`, `manifest` is\n`template.json`. The export answers it (`GET /meta/template`); the install takes it.",
    type: "object",
    properties: {
      manifest: { $ref: "#/components/schemas/TemplateManifestJson" },
      schemas: {
        type: "object",
        additionalProperties: { $ref: "#/components/schemas/EntityDefinition" },
      },
      workflows: {
        type: "object",
        additionalProperties: {
          $ref: "#/components/schemas/WorkflowDefinition",
        },
      },
      roles: { $ref: "#/components/schemas/RolesDefinition" },
    },
    required: ["manifest", "schemas", "workflows"],
    additionalProperties: false,
    "x-core-type": "TemplateJson",
  },
  TemplateManifestJson: {
    description:
      "`template.json`: what a template is called and which release it is (semver, so upgrades can be told apart).",
    type: "object",
    properties: {
      name: { type: "string" },
      version: { type: "string" },
      title: {},
      description: {},
      exportedFrom: {
        description: "Set by an export: the published model it was taken from.",
        $ref: "#/components/schemas/TemplateOrigin",
      },
    },
    required: ["name", "version"],
    additionalProperties: {},
    "x-core-type": "TemplateManifestJson",
  },
  TemplateOrigin: {
    description: "The published model a template was exported from.",
    type: "object",
    properties: { modelVersion: { type: "integer" }, hash: { type: "string" } },
    required: ["modelVersion", "hash"],
    additionalProperties: false,
    "x-core-type": "TemplateOrigin",
  },
  TimeInStageReport: {
    type: "object",
    properties: {
      unit: { const: "hours" },
      asOf: { type: "string" },
      stages: {
        type: "array",
        items: {
          type: "object",
          properties: {
            state: { type: "string" },
            title: {
              anyOf: [
                { type: "null" },
                { type: "string" },
                { type: "object", additionalProperties: { type: "string" } },
              ],
            },
            outcome: { $ref: "#/components/schemas/StageOutcome" },
            probability: { anyOf: [{ type: "null" }, { type: "number" }] },
            completed: { $ref: "#/components/schemas/CompletedStays" },
            current: { $ref: "#/components/schemas/CurrentStays" },
            byOwner: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  completed: { $ref: "#/components/schemas/CompletedStays" },
                  current: { $ref: "#/components/schemas/CurrentStays" },
                  ownerId: { anyOf: [{ type: "null" }, { type: "string" }] },
                },
                required: ["completed", "current", "ownerId"],
                additionalProperties: false,
              },
            },
          },
          required: [
            "state",
            "title",
            "outcome",
            "probability",
            "completed",
            "current",
            "byOwner",
          ],
          additionalProperties: false,
        },
      },
      workflow: { type: "string" },
      entity: { type: "string" },
      filters: {
        type: "object",
        properties: {
          owner: { anyOf: [{ type: "null" }, { type: "string" }] },
          recordType: { anyOf: [{ type: "null" }, { type: "string" }] },
          from: { anyOf: [{ type: "null" }, { type: "string" }] },
          to: { anyOf: [{ type: "null" }, { type: "string" }] },
        },
        required: ["owner", "recordType", "from", "to"],
        additionalProperties: false,
      },
      period: { type: "string" },
      definition: { type: "string" },
    },
    required: [
      "unit",
      "asOf",
      "stages",
      "workflow",
      "entity",
      "filters",
      "period",
      "definition",
    ],
    additionalProperties: false,
    "x-core-type": "TimeInStageReport",
  },
  TitledHistoryRow: {
    description:
      "A history row with its stages and event by title in both languages (engine runtime/history-titles.ts).",
    type: "object",
    properties: {
      titles: {
        type: "object",
        properties: {
          from: { $ref: "#/components/schemas/Text" },
          to: { $ref: "#/components/schemas/Text" },
          event: { $ref: "#/components/schemas/Text" },
        },
        required: ["to", "event"],
        additionalProperties: false,
      },
      removed: {
        description:
          "The sides whose stage a later version removed (titled from the version that had it).",
        type: "array",
        items: { enum: ["from", "to"] },
      },
      id: { type: "integer" },
      workflow: { type: "string" },
      from: {
        description: "null for the start of the workflow.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      to: { type: "string" },
      event: {
        description:
          "The event, `START`, `SLA_BREACHED`, `MIGRATE`, or `after.<delay>` for a timer.",
        type: "string",
      },
      actor: {
        description: "The user id; null for the engine (timers).",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      comment: { anyOf: [{ type: "null" }, { type: "string" }] },
      approval: {
        description:
          "An approval decision: the approver's role (the step id when the step's approver is not a role), the step\ndecided, and the user a delegate decided on behalf of.",
        anyOf: [
          { type: "null" },
          {
            type: "object",
            properties: {
              role: { type: "string" },
              decision: { enum: ["approved", "rejected"] },
              step: { type: "string" },
              onBehalfOf: { type: "string", format: "uuid" },
            },
            required: ["role", "decision"],
            additionalProperties: false,
          },
        ],
      },
      at: { type: "string" },
    },
    required: [
      "titles",
      "id",
      "workflow",
      "from",
      "to",
      "event",
      "actor",
      "comment",
      "approval",
      "at",
    ],
    additionalProperties: false,
    "x-core-type": "TitledHistoryRow",
  },
  TransitionMade: {
    description:
      "The stage change an event made, and the history row it wrote.",
    type: "object",
    properties: {
      from: { type: "string" },
      to: { type: "string" },
      event: { type: "string" },
      historyId: { type: "integer" },
      at: { type: "string", format: "date-time" },
    },
    required: ["from", "to", "event", "historyId", "at"],
    additionalProperties: false,
    "x-core-type": "TransitionMade",
  },
  TransitionsAnswer: {
    description:
      "The events of a record's current state (only the allowed ones unless `all` is asked for).",
    type: "object",
    properties: {
      workflow: {
        description: "The workflow that binds the record; null when none does.",
        anyOf: [{ type: "null" }, { type: "string" }],
      },
      state: { anyOf: [{ type: "null" }, { type: "string" }] },
      data: {
        type: "array",
        items: { $ref: "#/components/schemas/AllowedEvent" },
      },
    },
    required: ["workflow", "state", "data"],
    additionalProperties: false,
    "x-core-type": "TransitionsAnswer",
  },
  User: {
    description:
      "A user as the identity routes return it (never the password hash).",
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      email: { type: "string", format: "email" },
      displayName: { type: "string" },
      roles: { type: "array", items: { type: "string" } },
      orgUnitId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      managerId: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      active: { type: "boolean" },
      mustChangePassword: {
        description:
          "The password was set by an administrator: the user must change it before anything else.",
        type: "boolean",
      },
    },
    required: [
      "id",
      "email",
      "displayName",
      "roles",
      "orgUnitId",
      "managerId",
      "active",
      "mustChangePassword",
    ],
    additionalProperties: false,
    "x-core-type": "User",
  },
  VersionsDiff: {
    description:
      "Two published versions compared: their differences, and the table steps between them (no row counts).",
    type: "object",
    properties: {
      from: { type: "integer" },
      to: { type: "integer" },
      plan: {
        description:
          "Absent when the older version no longer compiles (its diff is still shown).",
        type: "object",
        properties: {
          steps: {
            type: "array",
            items: { $ref: "#/components/schemas/WordedStep" },
          },
        },
        required: ["steps"],
        additionalProperties: false,
      },
      entities: {
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: { $ref: "#/components/schemas/EntityChange" },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
      workflows: {
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: { $ref: "#/components/schemas/WorkflowChange" },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
      roles: {
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: { $ref: "#/components/schemas/RoleChange" },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
    },
    required: ["from", "to", "entities", "workflows", "roles"],
    additionalProperties: false,
    "x-core-type": "VersionsDiff",
  },
  VersionSummary: {
    description:
      "A published version without its definitions (`GET /meta/versions`).",
    type: "object",
    properties: {
      version: { type: "integer" },
      hash: { type: "string" },
      source: {
        description:
          "`seed`, `draft`, `template`, `cli`…: where the definitions came from.",
        type: "string",
      },
      note: { anyOf: [{ type: "null" }, { type: "string" }] },
      noteText: {
        description: "The note in both languages, when the engine wrote it.",
        $ref: "#/components/schemas/Text",
      },
      published_by: {
        anyOf: [{ type: "null" }, { type: "string" }],
        format: "uuid",
      },
      published_at: { type: "string", format: "date-time" },
    },
    required: [
      "version",
      "hash",
      "source",
      "note",
      "published_by",
      "published_at",
    ],
    additionalProperties: false,
    "x-core-type": "VersionSummary",
  },
  WinRateReport: {
    type: "object",
    properties: {
      amountField: { anyOf: [{ type: "null" }, { type: "string" }] },
      decided: { type: "integer" },
      winRate: { anyOf: [{ type: "null" }, { type: "number" }] },
      averageCycleDays: { anyOf: [{ type: "null" }, { type: "number" }] },
      medianCycleDays: { anyOf: [{ type: "null" }, { type: "number" }] },
      won: { $ref: "#/components/schemas/OutcomeFigures" },
      lost: { $ref: "#/components/schemas/OutcomeFigures" },
      workflow: { type: "string" },
      entity: { type: "string" },
      filters: {
        type: "object",
        properties: {
          owner: { anyOf: [{ type: "null" }, { type: "string" }] },
          recordType: { anyOf: [{ type: "null" }, { type: "string" }] },
          from: { anyOf: [{ type: "null" }, { type: "string" }] },
          to: { anyOf: [{ type: "null" }, { type: "string" }] },
        },
        required: ["owner", "recordType", "from", "to"],
        additionalProperties: false,
      },
      period: { type: "string" },
      definition: { type: "string" },
    },
    required: [
      "amountField",
      "decided",
      "winRate",
      "averageCycleDays",
      "medianCycleDays",
      "won",
      "lost",
      "workflow",
      "entity",
      "filters",
      "period",
      "definition",
    ],
    additionalProperties: false,
    "x-core-type": "WinRateReport",
  },
  WordedPlan: {
    description:
      "A plan as the API answers it (plan, publish, rollback, template install): every step worded in both languages.",
    type: "object",
    properties: {
      steps: {
        type: "array",
        items: { $ref: "#/components/schemas/WordedStep" },
      },
      baseVersion: { type: "integer" },
    },
    required: ["steps", "baseVersion"],
    additionalProperties: false,
    "x-core-type": "WordedPlan",
  },
  WordedStep: {
    description:
      "A step as a user is shown it (the plan routes answer so): its words and reason in both languages.",
    anyOf: [
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "createTable" },
          table: { $ref: "#/components/schemas/TableSpec" },
        },
        required: ["safety", "reason", "text", "reasonText", "kind", "table"],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropTable" },
          table: { type: "string" },
        },
        required: ["safety", "reason", "text", "reasonText", "kind", "table"],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "renameTable" },
          from: { type: "string" },
          to: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addColumn" },
          table: { type: "string" },
          column: { $ref: "#/components/schemas/ColumnSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropColumn" },
          table: { type: "string" },
          column: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "renameColumn" },
          table: { type: "string" },
          from: { type: "string" },
          to: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "alterType" },
          table: { type: "string" },
          column: { type: "string" },
          from: { $ref: "#/components/schemas/SqlType" },
          to: { $ref: "#/components/schemas/SqlType" },
          nullable: { type: "boolean" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "setNotNull" },
          table: { type: "string" },
          column: { type: "string" },
          backfill: {},
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropNotNull" },
          table: { type: "string" },
          column: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "setDefault" },
          table: { type: "string" },
          column: { type: "string" },
          default: {
            anyOf: [
              {
                type: "object",
                properties: { value: {} },
                required: ["value"],
                additionalProperties: false,
              },
              {
                type: "object",
                properties: { sql: { type: "string" } },
                required: ["sql"],
                additionalProperties: false,
              },
            ],
          },
          type: { $ref: "#/components/schemas/SqlType" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addEnumValues" },
          table: { type: "string" },
          column: { type: "string" },
          values: { type: "array", items: { type: "string" } },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "values",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "removeEnumValues" },
          table: { type: "string" },
          column: { type: "string" },
          values: { type: "array", items: { type: "string" } },
          array: { type: "boolean" },
          nullable: { type: "boolean" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "values",
          "array",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addForeignKey" },
          table: { type: "string" },
          column: { type: "string" },
          references: { $ref: "#/components/schemas/ForeignKeySpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "references",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropForeignKey" },
          table: { type: "string" },
          column: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addIndex" },
          table: { type: "string" },
          index: { $ref: "#/components/schemas/IndexSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "index",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropIndex" },
          table: { type: "string" },
          index: { $ref: "#/components/schemas/IndexSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "index",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addKeyIndex" },
          table: { type: "string" },
          key: { $ref: "#/components/schemas/KeyIndexSpec" },
          duplicates: {
            type: "array",
            items: { type: "array", items: { type: "string" } },
          },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "key",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropKeyIndex" },
          table: { type: "string" },
          key: { $ref: "#/components/schemas/KeyIndexSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "key",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "createJunction" },
          junction: { $ref: "#/components/schemas/JunctionSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "junction",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropJunction" },
          junction: { $ref: "#/components/schemas/JunctionSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "junction",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "renameJunction" },
          from: { type: "string" },
          to: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addFormula" },
          table: { type: "string" },
          formula: { $ref: "#/components/schemas/FormulaSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "formula",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "changeFormula" },
          table: { type: "string" },
          from: { $ref: "#/components/schemas/FormulaSpec" },
          to: { $ref: "#/components/schemas/FormulaSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropFormula" },
          table: { type: "string" },
          formula: { $ref: "#/components/schemas/FormulaSpec" },
          replaced: { type: "boolean" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "formula",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "addSequence" },
          table: { type: "string" },
          column: { type: "string" },
          sequence: { $ref: "#/components/schemas/Sequence" },
          renumber: { type: "boolean" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "sequence",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "changeSequence" },
          table: { type: "string" },
          column: { type: "string" },
          from: { $ref: "#/components/schemas/Sequence" },
          to: { $ref: "#/components/schemas/Sequence" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "renameSequence" },
          table: { type: "string" },
          column: { type: "string" },
          from: {
            type: "object",
            properties: {
              table: { type: "string" },
              column: { type: "string" },
            },
            required: ["table", "column"],
            additionalProperties: false,
          },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
          "from",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropSequence" },
          table: { type: "string" },
          column: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "column",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "setRollup" },
          table: { type: "string" },
          rollup: { $ref: "#/components/schemas/RollupSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "rollup",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "dropRollup" },
          table: { type: "string" },
          rollup: { $ref: "#/components/schemas/RollupSpec" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "table",
          "rollup",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "renameState" },
          workflow: { type: "string" },
          table: { type: "string" },
          scope: { $ref: "#/components/schemas/RecordScope" },
          from: { type: "string" },
          to: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "workflow",
          "table",
          "from",
          "to",
        ],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: {
          safety: { $ref: "#/components/schemas/Safety" },
          reason: {
            description:
              "Why this step has its safety, in words an admin understands.",
            type: "string",
          },
          rows: {
            description:
              "Rows the step touches (destructive and blocked steps, and type changes), once counted.",
            type: "integer",
          },
          text: {
            description:
              "The step and its reason in both languages, by titles (step-text.ts), on plans a user sees.",
            $ref: "#/components/schemas/Text",
          },
          reasonText: { $ref: "#/components/schemas/Text" },
          kind: { const: "moveState" },
          workflow: { type: "string" },
          table: { type: "string" },
          scope: { $ref: "#/components/schemas/RecordScope" },
          state: { type: "string" },
          to: { type: "string" },
          initial: { type: "string" },
        },
        required: [
          "safety",
          "reason",
          "text",
          "reasonText",
          "kind",
          "workflow",
          "table",
          "state",
          "initial",
        ],
        additionalProperties: false,
      },
    ],
    "x-core-type": "WordedStep",
  },
  WorkflowChange: {
    type: "object",
    properties: {
      id: { type: "string" },
      states: {
        description:
          "States by name, compared without their transitions (those are listed under `transitions`).",
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: {
              type: "object",
              properties: { state: { type: "string" }, before: {}, after: {} },
              required: ["state", "before", "after"],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
      transitions: {
        description:
          "Transitions by id: `<state>.<EVENT>` (on), `<state>.after.<delay>`, `<state>.always`.",
        type: "object",
        properties: {
          added: { type: "array", items: { type: "string" } },
          removed: { type: "array", items: { type: "string" } },
          changed: {
            type: "array",
            items: {
              type: "object",
              properties: {
                transition: { type: "string" },
                before: {},
                after: {},
              },
              required: ["transition", "before", "after"],
              additionalProperties: false,
            },
          },
          titles: {
            description:
              "The title of every name listed (added, removed or changed), in both languages, for people reading the diff.",
            type: "object",
            additionalProperties: { $ref: "#/components/schemas/Text" },
          },
        },
        required: ["added", "removed", "changed"],
        additionalProperties: false,
      },
      other: {
        description:
          "JSON pointers of every other difference (initial, meta…).",
        type: "array",
        items: { type: "string" },
      },
    },
    required: ["id", "states", "transitions", "other"],
    additionalProperties: false,
    "x-core-type": "WorkflowChange",
  },
};
