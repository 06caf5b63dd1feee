import openapiTS, { astToString } from 'openapi-typescript';
import { toContractDocument } from './contract-document.js';

const HEADER = `// Generated from the engine's route contracts (engine/src/api/contract) by \`npm run api-types\`.
// Do not edit: change a contract and run it again (engine/test/route-schemas.api.test.ts fails while this is stale).

`;

/**
 * The TypeScript types of the fixed routes, as openapi-typescript writes them from the contract document.
 * Build-time only: the script and the staleness test load this module, the running engine never does.
 */
export async function renderClientTypes(): Promise<string> {
  // An object schema without properties (a record, a view's query) holds anything: `Record<string, unknown>`, not `never`.
  return HEADER + astToString(await openapiTS(toContractDocument() as never, { emptyObjectsUnknown: true }));
}
