import { describe, expect, it } from 'vitest';
import { keyAction } from '~/lib/sidepanel/keys';
import { createPanelStore, editKey, type PanelState } from '~/lib/sidepanel/store';
import type { Suggestion } from '~/lib/sidepanel/types';
import { analysis, item, minutesAgo, tabState } from '../../components/sidepanel/fakeApi';

const suggestion = (responseId: string, text: string): Suggestion => ({
  responseId,
  title: responseId,
  text,
  variant: 0,
  missing: [],
  why: [],
  fits: true,
});

function state(patch: Partial<PanelState> = {}): PanelState {
  return createPanelStore({
    tab: { id: 1, url: 'https://x.com/a' },
    tabState: tabState(
      [
        [item('old', { time: minutesAgo(60) }), analysis('question')],
        [item('new', { time: minutesAgo(1) }), analysis('question')],
      ],
      { agent: { name: 'Sam', initials: 'SR' } },
    ),
    ...patch,
  }).getState();
}

describe('keyboard shortcuts', () => {
  it('moves down and up the visible queue and stops at its ends', () => {
    expect(keyAction('j', state(), null)).toEqual({ type: 'select', itemId: 'old' });
    expect(keyAction('k', state(), null)).toEqual({ type: 'select', itemId: 'new' });
    expect(keyAction('ArrowDown', state({ selectedId: 'old' }), null)).toEqual({
      type: 'select',
      itemId: 'new',
    });
    expect(keyAction('j', state({ selectedId: 'new' }), null)).toEqual({ type: 'select', itemId: 'new' });
    expect(keyAction('ArrowUp', state({ selectedId: 'old' }), null)).toEqual({
      type: 'select',
      itemId: 'old',
    });
  });

  it('only moves in the queue view, but / always reaches the filters', () => {
    expect(keyAction('j', state({ view: 'thanks' }), null)).toBeNull();
    expect(keyAction('/', state({ view: 'status' }), null)).toEqual({ type: 'filters' });
  });

  const ready = (suggestions: Suggestion[]): Partial<PanelState> => ({
    selectedId: 'old',
    suggestions: { old: { state: 'ready', value: { suggestions, offers: [] } } },
  });

  it('inserts the numbered suggestion with the agent’s initials filled', () => {
    const s = state(ready([suggestion('a', 'First ^{agent_initials}'), suggestion('b', 'Second')]));
    expect(keyAction('1', s, null)).toMatchObject({ type: 'insert', itemId: 'old', text: 'First ^SR' });
    expect(keyAction('2', s, null)).toMatchObject({ type: 'insert', text: 'Second' });
    expect(keyAction('3', s, null)).toBeNull();
  });

  it('never inserts a suggestion with a gap', () => {
    expect(keyAction('1', state(ready([suggestion('a', 'Hi {first_name}')])), null)).toBeNull();
  });

  it('edits the card that has focus, or the first one', () => {
    const s = state(ready([suggestion('a', 'First'), suggestion('b', 'Second')]));
    expect(keyAction('e', s, null)).toEqual({ type: 'edit', key: editKey('old', 'a'), text: 'First' });
    expect(keyAction('e', s, editKey('old', 'b'))).toEqual({
      type: 'edit',
      key: editKey('old', 'b'),
      text: 'Second',
    });
  });

  it('does nothing with number keys before anything is selected', () => {
    expect(keyAction('1', state(), null)).toBeNull();
  });
});
