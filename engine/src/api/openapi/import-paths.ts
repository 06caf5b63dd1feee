import { IMPORTS } from '../contract/imports.js';
import { toContractPaths } from './contract-paths.js';
import type { JsonSchema } from './field-schemas.js';

const FILE = { schema: { type: 'string', format: 'binary' } };

/** `/imports`: the contract's paths, with the upload's body (the file itself, not JSON) documented. */
export function importPaths(): Record<string, JsonSchema> {
  const paths = toContractPaths(IMPORTS);
  for (const path of ['/imports', '/imports/preview']) {
    const start = (paths[path] as { post?: JsonSchema } | undefined)?.post;
    if (start)
      start.requestBody = {
        required: true,
        description: 'The file to import.',
        content: {
          'text/csv': FILE,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': FILE,
          'application/octet-stream': FILE,
        },
      };
  }
  return paths;
}
