import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/schemas.js';
import {
  fromPatchBody,
  PatchSecuritySettingsBodySchema,
  SecuritySettingsSchema,
  SettingsParamsSchema,
  toSecuritySettingsResponse,
} from './settings.schemas.js';
import { getSecuritySettings, patchSecuritySettings } from './settings.service.js';

const TAGS = ['Security settings'];

/** The account's security settings, under /v1/accounts/:account_id. */
export function settingsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/settings/security', {
      config: { scope: 'settings:read' },
      schema: {
        tags: TAGS,
        operationId: 'get_security_settings',
        summary: 'Get Security Settings',
        description: 'The account’s security rules. An account that never changed them has the defaults.',
        params: SettingsParamsSchema,
        response: { 200: SecuritySettingsSchema, ...errorResponses(401, 403, 404) },
      },
      handler: async (req) => toSecuritySettingsResponse(await getSecuritySettings(deps, req.params.account_id)),
    });

    app.patch('/settings/security', {
      config: { scope: 'settings:edit' },
      schema: {
        tags: TAGS,
        operationId: 'patch_security_settings',
        summary: 'Patch Security Settings',
        description:
          'Change the account’s security rules; omitted fields (and omitted `password_policy` rules) stay as ' +
          'they are. Session rules apply to sessions already open from their next request. `trusted_ips` replaces the list ' +
          '(trimmed, lower-cased, without repeats). When it is not empty, API tokens work only from those ' +
          'addresses (403 elsewhere, on every server within a second). A list that leaves out the address of ' +
          'this request is refused (422), so the change cannot lock its caller out.',
        params: SettingsParamsSchema,
        body: PatchSecuritySettingsBodySchema,
        response: { 200: SecuritySettingsSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req) =>
        toSecuritySettingsResponse(
          await patchSecuritySettings(deps, req.ctx, req.params.account_id, fromPatchBody(req.body)),
        ),
    });
  };
}
