// The ceiling: a bare Fastify server answering a precomputed 20-user page through the same
// response schema as Steward's list. No database, no auth: what the framework itself can do.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { UserListSchema } from '../src/features/users/users.schemas.js';

const page: unknown = JSON.parse(readFileSync(process.env.CEILING_PAGE_FILE ?? '', 'utf8'));
const app = Fastify({ logger: false });
app.get('/page', { schema: { response: { 200: UserListSchema } } }, async () => page);
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
