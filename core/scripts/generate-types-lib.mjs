import { compile } from 'json-schema-to-typescript';

/** Meta-schema name → the root type's name. */
export const ROOTS = {
  entity: 'EntityDefinition',
  workflow: 'WorkflowDefinition',
  roles: 'RolesDefinition',
  dashboard: 'DashboardDefinition',
};

/**
 * The TypeScript source for each meta-schema. `readMeta(name)` returns the parsed meta-schema; the caller
 * does the I/O, so the test can compare without writing.
 */
export async function generateAll(readMeta) {
  const out = [];
  for (const [name, root] of Object.entries(ROOTS)) {
    // The root's title and $id would name the root type; it becomes the type's comment instead.
    const { title, $id: _id, ...rest } = readMeta(name);
    const schema = { ...rest, description: [title, rest.description].filter(Boolean).join('. ') };
    const source = await compile(schema, root, {
      bannerComment: `/* Generated from engine/src/definitions/meta/${name}.meta.json by \`npm run generate -w core\`. Do not edit. */`,
      additionalProperties: false,
      unknownAny: true,
      ignoreMinAndMaxItems: true,
      format: true,
      style: { printWidth: 120, singleQuote: true },
    });
    out.push({ file: `${name}.ts`, source });
  }
  return out;
}
