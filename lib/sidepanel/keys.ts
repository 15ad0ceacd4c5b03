import { filterQueue, queueEntries, sortQueue } from './queue';
import { editKey, type PanelState } from './store';
import { fillAgent, missingVariables } from './text';
import type { Suggestion } from './types';

/** What a key press in the panel means: j/k and arrows move, 1–3 insert, e edits, / jumps to the filters. */
export type KeyAction =
  | { type: 'filters' }
  | { type: 'select'; itemId: string }
  | { type: 'insert'; itemId: string; suggestion: Suggestion; text: string }
  | { type: 'edit'; key: string; text: string };

/** The text a suggestion would insert now: the agent's edit, or the suggestion with the agent's name filled. */
export function suggestionText(state: PanelState, itemId: string, suggestion: Suggestion): string {
  return (
    state.edits[editKey(itemId, suggestion.responseId)] ??
    fillAgent(suggestion.text, state.tabState?.agent ?? null)
  );
}

/**
 * Decide what a key does in the current state. `focusedEditKey` is the suggestion card holding the focus, if
 * any, so "e" edits the card the user is on rather than the first one.
 */
export function keyAction(key: string, state: PanelState, focusedEditKey: string | null): KeyAction | null {
  if (key === '/') return { type: 'filters' };
  if (state.view !== 'queue') return null;
  const visible = filterQueue(sortQueue(queueEntries(state.tabState)), state.filter);
  const index = visible.findIndex((entry) => entry.item.id === state.selectedId);

  if (key === 'j' || key === 'ArrowDown' || key === 'k' || key === 'ArrowUp') {
    if (visible.length === 0) return null;
    const step = key === 'j' || key === 'ArrowDown' ? 1 : -1;
    const start = index === -1 ? (step > 0 ? -1 : visible.length) : index;
    const next = visible[Math.min(visible.length - 1, Math.max(0, start + step))];
    return next ? { type: 'select', itemId: next.item.id } : null;
  }

  const entry = index === -1 ? undefined : visible[index];
  const remote = entry ? state.suggestions[entry.item.id] : undefined;
  if (!entry || remote?.state !== 'ready') return null;
  const itemId = entry.item.id;
  const suggestions = remote.value.suggestions.slice(0, 3);

  if (key === '1' || key === '2' || key === '3') {
    const suggestion = suggestions[Number(key) - 1];
    if (!suggestion) return null;
    const text = suggestionText(state, itemId, suggestion);
    // A reply with a gap in it is never sent; the card says what to fill.
    if (missingVariables(text).length > 0 || text.trim() === '') return null;
    return { type: 'insert', itemId, suggestion, text };
  }

  if (key === 'e') {
    const suggestion =
      suggestions.find((s) => editKey(itemId, s.responseId) === focusedEditKey) ?? suggestions[0];
    if (!suggestion) return null;
    return {
      type: 'edit',
      key: editKey(itemId, suggestion.responseId),
      text: suggestionText(state, itemId, suggestion),
    };
  }
  return null;
}
