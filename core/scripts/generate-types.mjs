// Writes src/definitions/generated/*.ts from the engine's meta-schemas, so the definition types cannot drift
// from what validation accepts. `npm run generate -w core`; with `--check` it writes nothing and exits 1 when
// a committed file differs (engine/test/core-contract.test.ts runs that).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateAll } from './generate-types-lib.mjs';
import { renderTypeSchemas } from './type-schemas-lib.mjs';

const root = new URL('../../', import.meta.url);
const check = process.argv.includes('--check');
const readMeta = (name) =>
  JSON.parse(readFileSync(new URL(`engine/src/definitions/meta/${name}.meta.json`, root), 'utf8'));
let stale = 0;
for (const { file, source } of await generateAll(readMeta)) {
  const target = new URL(`core/src/definitions/generated/${file}`, root);
  const path = `core/src/definitions/generated/${file}`;
  if (!check) {
    writeFileSync(target, source);
    console.log(`wrote ${path}`);
  } else if (!existsSync(target) || readFileSync(target, 'utf8') !== source) {
    stale++;
    console.error(`${path} is out of date with its meta-schema: run npm run generate -w core`);
  }
}
// The JSON Schemas of core's answer types (plans, version diffs), read from their TypeScript: the OpenAPI
// document and the response test take them from here, so the types stay their one definition.
{
  const path = 'core/src/generated/type-schemas.ts';
  const target = new URL(path, root);
  const source = await renderTypeSchemas(new URL('core/src/index.ts', root).pathname);
  if (!check) {
    writeFileSync(target, source);
    console.log(`wrote ${path}`);
  } else if (!existsSync(target) || readFileSync(target, 'utf8') !== source) {
    stale++;
    console.error(`${path} is out of date with the types it describes: run npm run generate -w core`);
  }
}
process.exit(stale ? 1 : 0);
