/** The kinds of platform event a member may get mail about, each with its subscription flag. */
export const EVENT_TYPES = ['runtime_status', 'execution_status', 'user_notification'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type AlertFlag = 'runtimeStatus' | 'executionStatus' | 'userNotifications';

export const ALERT_OF_EVENT: Record<EventType, { flag: AlertFlag; label: string }> = {
  runtime_status: { flag: 'runtimeStatus', label: 'Runtime status' },
  execution_status: { flag: 'executionStatus', label: 'Process execution status' },
  user_notification: { flag: 'userNotifications', label: 'User notifications' },
};

export const SUBJECT_MAX_LENGTH = 200;
export const MESSAGE_MAX_LENGTH = 5000;

/**
 * A subject becomes a mail header: one line of text. Control characters (line breaks
 * included) are refused rather than dropped, so what the platform sent is what people read.
 */
export function subjectProblem(subject: string): string | null {
  if (subject.trim() === '') return 'Subject must not be empty';
  if (/\p{Cc}/u.test(subject)) return 'Subject must be one line without control characters';
  return null;
}
