import { type RefObject, useEffect } from 'react';
import { keyAction } from '../../lib/sidepanel/keys';
import { usePanelContext } from './context';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function focusWithin(root: HTMLElement | null, selector: string, match: (el: HTMLElement) => boolean): void {
  for (const el of root?.querySelectorAll<HTMLElement>(selector) ?? []) {
    if (!match(el)) continue;
    el.focus();
    el.scrollIntoView?.({ block: 'nearest' });
    return;
  }
}

/** The panel's single-key shortcuts; typing in a field is never taken over. */
export function useKeyboard(rootRef: RefObject<HTMLElement | null>): void {
  const { store, controller } = usePanelContext();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const focusedCard =
        e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-edit-key]') : null;
      const state = store.getState();
      const action = keyAction(e.key, state, focusedCard?.dataset.editKey ?? null);
      if (!action) return;
      e.preventDefault();
      switch (action.type) {
        case 'filters':
          state.setView('queue');
          // The filters render with the queue view; focus once it is on screen.
          requestAnimationFrame(() =>
            focusWithin(rootRef.current, '[data-filter]', (el) => el.getAttribute('aria-pressed') === 'true'),
          );
          break;
        case 'select':
          state.select(action.itemId);
          requestAnimationFrame(() =>
            focusWithin(rootRef.current, '[data-item-id]', (el) => el.dataset.itemId === action.itemId),
          );
          break;
        case 'insert':
          controller.insert({
            itemId: action.itemId,
            text: action.text,
            responseId: action.suggestion.responseId,
            suggestedText: action.suggestion.text,
          });
          break;
        case 'edit':
          if (state.edits[action.key] === undefined) state.edit(action.key, action.text);
          state.startEditing(action.key);
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, controller, rootRef]);
}
