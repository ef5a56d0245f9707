import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/errors';

export function notifyError(error: unknown, title = 'That did not work'): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

/** Partly done: neither a success nor an error, as what worked stays done. */
export function notifyWarning(title: string, message: string): void {
  notifications.show({ color: 'yellow', title, message, autoClose: 8000 });
}
