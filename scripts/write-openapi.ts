// Writes docs/openapi.json from the routes' schemas: `npm run openapi`. A test fails when the
// committed file and the live document differ, so the published contract cannot drift.
import { writeFileSync } from 'node:fs';
import { openApiDocumentText } from '../test/openapi-document.js';

const target = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(target, await openApiDocumentText());
process.stderr.write(`Wrote ${target.pathname}\n`);
