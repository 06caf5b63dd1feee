import ts from 'typescript';

/*
 * JSON Schemas of core's TypeScript types, read with the compiler: the type is the one definition, and the
 * schema that documents and checks an API answer carrying it is derived from it. Handles what core's answer
 * types use: primitives, literals and their unions, arrays, records, interfaces, aliases, intersections and
 * (discriminated) unions. Named core types become components referenced by `$ref`, generic instances and
 * anonymous shapes are written inline. Objects are closed (`additionalProperties: false`), so an answer with
 * a member its type does not declare fails the response test.
 */

/**
 * `entry`: a core module exporting every root; `roots`: the type names to describe; `external`: names whose
 * schema the OpenAPI document already has (they become a `$ref`). Answers `{ [name]: schema }` for the roots
 * and every named core type they reach, each marked with `x-core-type` (the generated client uses the core type).
 */
export function typeSchemas({ entry, roots, external = [], refPrefix = '#/components/schemas/' }) {
  const program = ts.createProgram([entry], {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const exports = new Map(
    checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((symbol) => [symbol.name, symbol]),
  );
  const coreDir = entry.slice(0, entry.lastIndexOf('/') + 1);
  const out = {};
  const queue = [];

  const isCore = (symbol) => symbol?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(coreDir)) ?? false;
  const docOf = (symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  /** A JSON Schema keyword written as a JSDoc tag (`@format uuid`, `@maxItems 50`): what a type cannot say. */
  const keywordsOf = (symbol) =>
    Object.fromEntries(
      symbol
        .getJsDocTags(checker)
        .filter((tag) => TAG_KEYWORDS.has(tag.name))
        .map((tag) => {
          const value = ts.displayPartsToString(tag.text).trim();
          return [tag.name, TAG_KEYWORDS.get(tag.name) === 'number' ? Number(value) : value];
        }),
    );
  /** `@integer`: the number (or every number a nullable, array or record member holds) is a whole one. */
  const isInteger = (symbol) => symbol.getJsDocTags(checker).some((tag) => tag.name === 'integer');
  const withDoc = (schema, symbol) => {
    if (!symbol) return schema;
    const description = docOf(symbol);
    const typed = isInteger(symbol) ? integerOf(schema) : schema;
    return { ...(description && { description }), ...typed, ...keywordsOf(symbol) };
  };

  /** The name a type is known by in core, when it is a plain (not generic) named type. */
  function nameOf(type) {
    if (type.aliasSymbol)
      return !type.aliasTypeArguments?.length && isCore(type.aliasSymbol) ? type.aliasSymbol.name : undefined;
    const symbol = type.symbol;
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) return undefined;
    if (type.typeArguments?.length || checker.getTypeArguments?.(type)?.length) return undefined;
    return isCore(symbol) ? symbol.name : undefined;
  }

  function ref(name, type) {
    if (!external.includes(name) && !(name in out) && !queue.some(([queued]) => queued === name))
      queue.push([name, type]);
    return { $ref: `${refPrefix}${name}` };
  }

  function schemaOf(type, top = false) {
    const name = nameOf(type);
    if (name && !top) return ref(name, type);
    if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return {};
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.flags & ts.TypeFlags.StringLiteral) return { const: type.value };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { const: type.value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { const: type.intrinsicName === 'true' };
    if (type.isUnion()) return unionOf(type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined)));
    if (checker.isArrayType(type)) return { type: 'array', items: schemaOf(checker.getTypeArguments(type)[0]) };
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type).map((t) => schemaOf(t));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) return objectOf(type);
    throw new Error(`no JSON Schema for the type ${checker.typeToString(type)}`);
  }

  function unionOf(types) {
    const booleans = types.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const rest = types.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    const members = [
      ...(booleans.length === 2 ? [{ type: 'boolean' }] : booleans.map((t) => schemaOf(t))),
      ...rest.map((t) => schemaOf(t)),
    ];
    if (members.length === 1) return members[0];
    if (members.every((m) => 'const' in m)) return { enum: members.map((m) => m.const).sort() };
    const kinds = members.filter((m) => 'const' in m);
    const merged =
      kinds.length > 1
        ? [{ enum: kinds.map((m) => m.const).sort() }, ...members.filter((m) => !('const' in m))]
        : members;
    return merged.length === 1 ? merged[0] : { anyOf: merged };
  }

  function objectOf(type) {
    const properties = {};
    const required = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      properties[property.name] = withDoc(schemaOf(propertyType), property);
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
    return {
      type: 'object',
      ...(Object.keys(properties).length && { properties }),
      ...(required.length && { required }),
      additionalProperties: index ? schemaOf(index.type) : false,
    };
  }

  for (const root of roots) {
    const symbol = exports.get(root);
    if (!symbol) throw new Error(`${entry} exports no type ${root}`);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    queue.push([root, checker.getDeclaredTypeOfSymbol(target)]);
  }
  while (queue.length) {
    const [name, type] = queue.shift();
    if (name in out) continue;
    const symbol = type.aliasSymbol ?? type.symbol;
    out[name] = { ...withDoc(schemaOf(type, true), symbol), 'x-core-type': name };
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** `schema` with `number` read as `integer`, also in its union members, items and record values (not through a `$ref`). */
function integerOf(schema) {
  if (schema.type === 'number') return { ...schema, type: 'integer' };
  if (schema.anyOf) return { ...schema, anyOf: schema.anyOf.map(integerOf) };
  if (schema.type === 'array' && schema.items) return { ...schema, items: integerOf(schema.items) };
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object')
    return { ...schema, additionalProperties: integerOf(schema.additionalProperties) };
  return schema;
}

/** The JSON Schema keywords a JSDoc tag may add to a member's schema, and the type of their value. */
const TAG_KEYWORDS = new Map([
  ['format', 'string'],
  ['pattern', 'string'],
  ['minimum', 'number'],
  ['maximum', 'number'],
  ['maxItems', 'number'],
]);

/** Core's answer types whose schemas the API documents; the types they reach come along. */
export const ANSWER_TYPES = [
  'WordedPlan',
  'VersionsDiff',
  'FunnelReport',
  'TimeInStageReport',
  'ForecastReport',
  'WinRateReport',
  'DashboardList',
  'WidgetAnswer',
  'TitledHistoryRow',
  'AuditPage',
  'VersionSummary',
  'StoredVersion',
  'StoredDraft',
  'EffectivePermissions',
  'MyDay',
  'SearchAnswer',
  'MyDelegation',
  'DelegationList',
  'ApprovalDelegation',
  'NotificationPage',
  'NotificationsMarked',
  'RecordPage',
  'GroupsAnswer',
  'TotalsAnswer',
  'TransitionsAnswer',
  'TransitionMade',
  'DuplicateAnswer',
  'User',
  'ListedUser',
  'SignedIn',
  'OrgUnit',
  'DirectoryEntry',
  'SavedView',
  'HandoverResult',
  'InstallAnswer',
  'TemplateJson',
  'InstalledTemplatesAnswer',
  'ShippedTemplatesAnswer',
  'ScheduleList',
  'ScheduleRunPage',
  'ScheduleRun',
  'ImportJob',
  'ImportUndone',
  'ImportPreview',
];

/** The generated module: `TYPE_SCHEMAS`, formatted as the tree is (Prettier). */
export async function renderTypeSchemas(entry) {
  const { format, resolveConfig } = await import('prettier');
  const schemas = typeSchemas({
    entry,
    roots: ANSWER_TYPES,
    external: ['Text', 'DefinitionSet', 'EntityDefinition', 'WorkflowDefinition', 'RolesDefinition'],
  });
  const text = `/* Generated from core's types by \`npm run generate -w core\` (scripts/type-schemas-lib.mjs). Do not edit. */

/** JSON Schemas of ${ANSWER_TYPES.join(', ')} and the core types they reach, by type name (\`x-core-type\`). */
export const TYPE_SCHEMAS: Record<string, Record<string, unknown>> = ${JSON.stringify(schemas)};
`;
  return format(text, { ...(await resolveConfig(entry)), parser: 'typescript' });
}
