// Writes web/src/api/schema.d.ts, the console's typed view of the API, from docs/openapi.json
// (or the document named as the first argument): `npm run api-types`. A test fails when the
// committed file and the document differ, so the console cannot drift from the API.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { API_TYPES_FILE, apiTypesText } from './api-types.js';

const [source] = process.argv.slice(2);
await writeFile(API_TYPES_FILE, await apiTypesText(source === undefined ? undefined : pathToFileURL(source)));
process.stderr.write(`Wrote ${API_TYPES_FILE.pathname}\n`);
