import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesText } from './api-types.js';

it('web/src/api/schema.d.ts matches docs/openapi.json (run `npm run api-types` after `npm run openapi`)', async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8');
  expect(committed === (await apiTypesText()), 'web/src/api/schema.d.ts is stale: run `npm run api-types`').toBe(true);
});
