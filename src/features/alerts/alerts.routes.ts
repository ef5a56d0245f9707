import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { sessionOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import {
  AlertSubscriptionSchema,
  EventBodySchema,
  EventParamsSchema,
  EventQueuedSchema,
  fromEventBody,
  fromPutAlertsBody,
  PutAlertsBodySchema,
  toAlertSubscriptionResponse,
} from './alerts.schemas.js';
import { getMyAlerts, publishEvent, setMyAlerts } from './alerts.service.js';

/** The person's email alert choices, under /v1/me. */
export function myAlertRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me/alerts', {
      config: { auth: 'session' },
      schema: {
        tags: ['My settings'],
        operationId: 'get_my_alerts',
        summary: 'Get My Email Alerts',
        description:
          'Which platform events are mailed to you in the account this session works in (403 when it works in ' +
          'none). Each account has its own choices: switch accounts with `PATCH /v1/me` to see another’s.',
        response: { 200: AlertSubscriptionSchema, ...errorResponses(401, 403) },
      },
      handler: async (req) => toAlertSubscriptionResponse(await getMyAlerts(deps, sessionOf(req))),
    });

    app.put('/me/alerts', {
      config: { auth: 'session' },
      schema: {
        tags: ['My settings'],
        operationId: 'put_my_alerts',
        summary: 'Set My Email Alerts',
        description:
          'Replaces your alert choices in the account this session works in; all three are required. Mail goes ' +
          'only to active members who have accepted their invitation.',
        body: PutAlertsBodySchema,
        response: { 200: AlertSubscriptionSchema, ...errorResponses(401, 403, 422) },
      },
      handler: async (req) =>
        toAlertSubscriptionResponse(await setMyAlerts(deps, req.ctx, sessionOf(req), fromPutAlertsBody(req.body))),
    });
  };
}

/** Platform events that mail the account's subscribers, under /v1/accounts/:account_id. */
export function eventRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/events', {
      config: { scope: 'events:write' },
      schema: {
        tags: ['Email alerts'],
        operationId: 'publish_event',
        summary: 'Publish Platform Event',
        description:
          'The platform reports a runtime-status or execution-status event, or a notification for users: one ' +
          'mail is queued for each active, accepted member of the account subscribed to that kind of alert, ' +
          'in the same transaction as the audit record. 202 with how many were queued (0 when nobody subscribed).',
        params: EventParamsSchema,
        body: EventBodySchema,
        response: { 202: EventQueuedSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (req, reply) => {
        const queued = await publishEvent(deps, req.ctx, req.params.account_id, fromEventBody(req.body));
        return reply.code(202).send({ queued });
      },
    });
  };
}
