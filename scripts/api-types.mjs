// Writes ui-shared/src/api/schema.d.ts: the apps' types of the fixed routes, generated from the engine's
// route contracts through their OpenAPI document. Run after `tsc -b` (it reads engine/dist).
import { writeFileSync } from 'node:fs';

const { renderClientTypes } = await import('../engine/dist/api/openapi/client-types.js');
const target = new URL('../ui-shared/src/api/schema.d.ts', import.meta.url);
writeFileSync(target, await renderClientTypes());
console.log('wrote ui-shared/src/api/schema.d.ts');
