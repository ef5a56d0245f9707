import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = new URL('../web/src/api/schema.d.ts', import.meta.url);
export const OPENAPI_FILE = new URL('../docs/openapi.json', import.meta.url);

const HEADER = '// Generated from docs/openapi.json by `npm run api-types`: do not edit.\n\n';

/** The console's API types as `npm run api-types` writes them, from an OpenAPI document. */
export async function apiTypesText(document: URL = OPENAPI_FILE): Promise<string> {
  const spec = JSON.parse(await readFile(document, 'utf8')) as Parameters<typeof openapiTS>[0];
  return HEADER + astToString(await openapiTS(spec, { alphabetize: false }));
}
