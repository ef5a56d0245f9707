import { Type, type Static } from 'typebox';
import { toWireTimestampOrNull } from '../../core/time.js';
import { AccountParamsSchema, IdSchema, Nullable, TimestampSchema } from '../../http/schemas.js';
import { EVENT_TYPES, MESSAGE_MAX_LENGTH, SEVERITIES, SUBJECT_MAX_LENGTH } from './alerts.rules.js';
import type { AlertChoices, AlertSubscription, PlatformEvent } from './alerts.service.js';

const RuntimeStatus = Type.Boolean({ description: 'Mail me runtime status events (`runtime_status`)' });
const ExecutionStatus = Type.Boolean({
  description: 'Mail me process execution status events (`execution_status`)',
});
const UserNotifications = Type.Boolean({ description: 'Mail me user notifications (`user_notification`)' });

export const AlertSubscriptionSchema = Type.Object(
  {
    account_id: Type.String({ description: 'The account this session works in: the choices are for it alone' }),
    runtime_status: RuntimeStatus,
    execution_status: ExecutionStatus,
    user_notifications: UserNotifications,
    updated_at: Nullable(TimestampSchema('When you last chose'), {
      description: 'When you last chose; null: never, so no alert is on',
    }),
  },
  { title: 'AlertSubscription' },
);

export const PutAlertsBodySchema = Type.Object(
  { runtime_status: RuntimeStatus, execution_status: ExecutionStatus, user_notifications: UserNotifications },
  { additionalProperties: false },
);
export type PutAlertsBody = Static<typeof PutAlertsBodySchema>;

export function fromPutAlertsBody(body: PutAlertsBody): AlertChoices {
  return {
    runtimeStatus: body.runtime_status,
    executionStatus: body.execution_status,
    userNotifications: body.user_notifications,
  };
}

export function toAlertSubscriptionResponse(subscription: AlertSubscription): Static<typeof AlertSubscriptionSchema> {
  return {
    account_id: subscription.accountId,
    runtime_status: subscription.runtimeStatus,
    execution_status: subscription.executionStatus,
    user_notifications: subscription.userNotifications,
    updated_at: toWireTimestampOrNull(subscription.updatedAt),
  };
}

export const EventParamsSchema = AccountParamsSchema;

export const EventBodySchema = Type.Object(
  {
    type: Type.Enum(EVENT_TYPES, { description: 'Which subscribers get it: the alert of the same kind' }),
    subject: Type.String({
      minLength: 1,
      maxLength: SUBJECT_MAX_LENGTH,
      description: 'One line: the mail subject, after the account name',
    }),
    message: Type.String({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH, description: 'The text of the mail' }),
    severity: Type.Optional(Type.Enum(SEVERITIES, { description: 'Shown in the mail; default `info`' })),
    environment_id: Type.Optional(IdSchema('The environment the event happened in, when there is one')),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBodySchema>;

export function fromEventBody(body: EventBody): PlatformEvent {
  return {
    type: body.type,
    subject: body.subject,
    message: body.message,
    severity: body.severity ?? 'info',
    environmentId: body.environment_id ?? null,
  };
}

export const EventQueuedSchema = Type.Object(
  { queued: Type.Integer({ description: 'How many mails were queued: one per subscriber of the event’s kind' }) },
  { title: 'EventQueued' },
);
