import { useState } from 'react';

/** What a dialog is about, and whether it is open. */
export interface DialogItem<T> {
  opened: boolean;
  /** the item last opened, kept while the dialog closes; null before the first opening */
  item: T | null;
  /** new at each opening: as the content's `key`, a dialog reopened while it fades starts afresh */
  key: number;
  open: (item: T) => void;
  close: () => void;
}

/**
 * A dialog's item, kept after `close` so the title and text do not switch to another (or to
 * nothing) while the dialog fades out; the next `open` replaces it.
 */
export function useDialogItem<T>(): DialogItem<T> {
  const [state, setState] = useState<{ item: T; opened: boolean; key: number } | null>(null);
  return {
    opened: state?.opened ?? false,
    item: state?.item ?? null,
    key: state?.key ?? 0,
    open: (item) => {
      setState((shown) => ({ item, opened: true, key: (shown?.key ?? 0) + 1 }));
    },
    close: () => {
      setState((shown) => (shown === null ? null : { ...shown, opened: false }));
    },
  };
}
