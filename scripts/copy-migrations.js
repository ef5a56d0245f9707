// tsc copies no .sql files; the built server reads its migrations from dist/db/migrations.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/db/migrations/', import.meta.url), new URL('../dist/db/migrations/', import.meta.url), {
  recursive: true,
});
