import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { toContractDocument } from './contract-document.js';

const HEADER = `// Generated from the engine's route contracts (engine/src/api/contract) by \`npm run api-types\`.
// Do not edit: change a contract and run it again (engine/test/route-schemas.api.test.ts fails while this is stale).
// A schema that describes a @lodestar/core type (\`x-core-type\`) is that type, so each is defined once.

import type * as core from '@lodestar/core';

`;

/**
 * The TypeScript types of the fixed routes, as openapi-typescript writes them from the contract document.
 * Build-time only: the script and the staleness test load this module, the running engine never does.
 */
export async function renderClientTypes(): Promise<string> {
  // An object schema without properties (a record, a view's query) holds anything: `Record<string, unknown>`, not `never`.
  return (
    HEADER +
    astToString(
      await openapiTS(toContractDocument() as never, {
        emptyObjectsUnknown: true,
        transform: (schema) => {
          const name = (schema as { 'x-core-type'?: unknown })['x-core-type'];
          return typeof name === 'string'
            ? ts.factory.createTypeReferenceNode(
                ts.factory.createQualifiedName(ts.factory.createIdentifier('core'), name),
              )
            : undefined;
        },
      }),
    )
  );
}
