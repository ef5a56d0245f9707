import type { RequestContext } from '../../core/context.js';
import { DomainError, invalid, type FieldProblem } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { queueMail } from '../../mail/outbox.js';
import { alertMail } from '../../mail/templates.js';
import { getAccount } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { getEnvironment } from '../environments/environments.service.js';
import { currentAccountOf } from '../me/me.profile.service.js';
import type { LiveSession } from '../sessions/sessions.service.js';
import { ALERT_OF_EVENT, subjectProblem, type EventType, type Severity } from './alerts.rules.js';
import { findAlertSubscription, findSubscribers, saveAlertSubscription } from './alerts.store.js';

export interface AlertChoices {
  runtimeStatus: boolean;
  executionStatus: boolean;
  userNotifications: boolean;
}

export interface AlertSubscription extends AlertChoices {
  accountId: string;
  /** `null`: never chosen, so none are on */
  updatedAt: string | null;
}

/** Which alert mails the person gets in the account the session works in; none until they choose. */
export async function getMyAlerts(deps: Deps, session: LiveSession): Promise<AlertSubscription> {
  const accountId = await currentAccountOf(deps, session);
  const row = await findAlertSubscription(deps.db, accountId, session.identityId);
  return row === undefined
    ? { accountId, runtimeStatus: false, executionStatus: false, userNotifications: false, updatedAt: null }
    : { ...row, accountId };
}

/** Replaces the person's alert choices in the account the session works in; audited there. */
export async function setMyAlerts(
  deps: Deps,
  ctx: RequestContext,
  session: LiveSession,
  choices: AlertChoices,
): Promise<AlertSubscription> {
  const accountId = await currentAccountOf(deps, session);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const before = await findAlertSubscription(tx, accountId, session.identityId);
    const row = { accountId, userId: session.identityId, ...choices, updatedAt: now.toISOString() };
    await saveAlertSubscription(tx, row);
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'me.alerts',
      targetType: 'user',
      targetId: session.identityId,
      before: before === undefined ? null : wireChoices(before),
      after: wireChoices(choices),
    });
    return row;
  });
}

function wireChoices(choices: AlertChoices): Record<string, boolean> {
  return {
    runtime_status: choices.runtimeStatus,
    execution_status: choices.executionStatus,
    user_notifications: choices.userNotifications,
  };
}

export interface PlatformEvent {
  type: EventType;
  subject: string;
  message: string;
  severity: Severity;
  environmentId: string | null;
}

/**
 * Mails an event of the platform to every active, accepted member of the account subscribed
 * to its kind; the mails are queued in the same transaction as the audit record, so either
 * both happen or neither. Returns how many were queued.
 */
export async function publishEvent(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  event: PlatformEvent,
): Promise<number> {
  const subject = event.subject.trim();
  const message = event.message.trim();
  const problems: FieldProblem[] = [];
  const badSubject = subjectProblem(subject);
  if (badSubject !== null) problems.push({ loc: ['body', 'subject'], msg: badSubject, type: 'value_error' });
  if (message === '')
    problems.push({ loc: ['body', 'message'], msg: 'Message must not be empty', type: 'value_error' });
  if (problems.length > 0) throw invalid(problems);
  const environmentName =
    event.environmentId === null ? null : await environmentNameOf(deps, accountId, event.environmentId);
  const alert = ALERT_OF_EVENT[event.type];

  return deps.db.transaction(async (tx) => {
    const account = await getAccount(tx, accountId);
    const subscribers = await findSubscribers(tx, accountId, alert.flag);
    const now = deps.clock.now();
    for (const subscriber of subscribers) {
      await queueMail(tx, now, {
        accountId,
        to: subscriber.email,
        content: alertMail({
          accountName: account.name,
          recipientName: subscriber.name,
          alertLabel: alert.label,
          severity: event.severity,
          subject,
          message,
          environmentName,
          settingsUrl: `${deps.config.publicUrl}/settings?section=alerts`,
        }),
      });
    }
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'event.publish',
      targetType: 'event',
      targetId: null,
      after: {
        type: event.type,
        severity: event.severity,
        subject,
        environment_id: event.environmentId,
        queued: subscribers.length,
      },
    });
    return subscribers.length;
  });
}

async function environmentNameOf(deps: Deps, accountId: string, environmentId: string): Promise<string> {
  try {
    return (await getEnvironment(deps, { accountId, environmentId })).name;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') {
      throw invalid([
        {
          loc: ['body', 'environment_id'],
          msg: `Environment ${environmentId} does not exist in this account`,
          type: 'value_error.environment_not_found',
        },
      ]);
    }
    throw error;
  }
}
