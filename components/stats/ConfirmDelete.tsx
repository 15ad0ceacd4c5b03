import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { statsStrings } from './strings';

export interface ConfirmDeleteProps {
  working: boolean;
  failed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second step of "delete all data". Focus starts on the safe choice, Escape cancels, and Tab stays inside
 * the dialog, so a stray Enter or a keyboard user never deletes a record they meant to keep.
 */
export function ConfirmDelete({ working, failed, onConfirm, onCancel }: ConfirmDeleteProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const s = statsStrings.confirm;

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key === 'Escape' && !working) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const order = [cancelRef.current, confirmRef.current].filter((b): b is HTMLButtonElement => b !== null);
    const first = order[0];
    const last = order[order.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="stats-dialog-backdrop">
      <dialog
        open
        className="stats-dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="stats-dialog-title">
          {s.title}
        </h2>
        <p id={bodyId}>{s.body}</p>
        {failed ? (
          <p role="alert" className="stats-error">
            {s.failed}
          </p>
        ) : null}
        <div className="stats-dialog-actions">
          <button
            ref={cancelRef}
            type="button"
            className="stats-button"
            onClick={onCancel}
            disabled={working}
          >
            {s.cancel}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="stats-button stats-button--danger"
            onClick={onConfirm}
            disabled={working}
            aria-busy={working}
          >
            {working ? s.working : s.confirm}
          </button>
        </div>
      </dialog>
    </div>
  );
}
