import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

const API_DESCRIPTION = `Steward administers the people of a data-integration platform: accounts, users, roles per
environment, teams and API tokens. The Users operations are compatible with the Users API of the
Boomi Data Integration reference; see docs/compatibility.md for the few deliberate differences.

Authenticate with an API token: \`Authorization: Bearer stw_…\`. Errors are JSON with a \`detail\`:
a list of \`{loc, msg, type}\` for invalid input (422), a sentence otherwise.`;

export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Steward API', version, description: API_DESCRIPTION },
      tags: [{ name: 'Users', description: 'The Users operations of the reference' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token: `stw_<account id>_<secret>`' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'steward_session',
            description:
              'A signed-in session (set by `POST /v1/auth/login`). Changes also need the `X-CSRF-Token` header ' +
              'whose value `GET /v1/me` returns.',
          },
        },
      },
    },
  });
}

/** The API reference page at /docs, with the content security policy of an HTML page (`staticCSP`). */
export async function installApiReference(app: FastifyInstance, contentSecurityPolicy: string): Promise<void> {
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true },
    staticCSP: contentSecurityPolicy,
  });
}
