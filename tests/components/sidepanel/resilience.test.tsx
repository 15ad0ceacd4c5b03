import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PanelTabState } from '~/lib/sidepanel/types';
import { analysis, createFakeApi, item, tabState } from './fakeApi';
import { renderPanel } from './render';

describe('keeping up with the background and the tabs', () => {
  it('tells the background it is open for as long as it is', async () => {
    const fake = createFakeApi();
    const { unmount } = renderPanel(fake);
    await screen.findByRole('heading', { name: 'Reading the page…' });
    expect(fake.connected).toBe(1);
    unmount();
    expect(fake.connected).toBe(0);
  });

  it('retries quietly while the service worker is not answering', async () => {
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('q', { text: 'Are you open today?' }), analysis('question')]]));
    fake.failTabState = 2;
    renderPanel(fake);
    expect(await screen.findByText('Are you open today?')).toBeDefined();
    expect(fake.calls.tabState).toEqual([1, 1, 1]);
    expect(screen.queryByText('Reconnecting to the extension…')).toBeNull();
  });

  it('says it is reconnecting when the background stays silent, and recovers', async () => {
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('q', { text: 'Still there?' }), analysis('question')]]));
    fake.failTabState = 5;
    renderPanel(fake);
    expect(await screen.findByText('Reconnecting to the extension…')).toBeDefined();
    expect(await screen.findByText('Still there?')).toBeDefined();
    expect(screen.queryByText('Reconnecting to the extension…')).toBeNull();
    expect(fake.calls.tabState).toHaveLength(6);
  });

  it('re-reads the tab when the background says it changed, and only that tab', async () => {
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('a', { text: 'First comment' }), analysis('question')]]));
    renderPanel(fake);
    await screen.findByText('First comment');
    fake.states.set(
      1,
      tabState([
        [item('a', { text: 'First comment' }), analysis('question')],
        [item('b', { text: 'Second comment' }), analysis('complaint')],
      ]),
    );
    fake.emit({ type: 'tabChanged', tabId: 2 });
    expect(fake.calls.tabState).toEqual([1]);
    fake.emit({ type: 'tabChanged', tabId: 1 });
    expect(await screen.findByText('Second comment')).toBeDefined();
  });

  it('follows tab switches and navigation', async () => {
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('a', { text: 'On X' }), analysis('question')]]));
    fake.states.set(2, {
      ...tabState([[item('f', { site: 'facebook', text: 'On Facebook' }), analysis('question')]]),
      tabId: 2,
    });
    renderPanel(fake);
    await screen.findByText('On X');
    fake.switchTab({ id: 2, url: 'https://www.facebook.com/acmecoffee/posts/1' });
    expect(await screen.findByText('On Facebook')).toBeDefined();
    expect(screen.queryByText('On X')).toBeNull();
    fake.switchTab({ id: 2, url: 'https://www.google.com/' });
    expect(await screen.findByRole('heading', { name: 'Open X or Facebook' })).toBeDefined();
  });

  it('ignores an answer for a tab the user already left', async () => {
    const fake = createFakeApi();
    let answerSlowTab: (s: PanelTabState) => void = () => {};
    const base = fake.tabState.bind(fake);
    fake.tabState = (tabId) =>
      tabId === 1 ? new Promise<PanelTabState>((resolve) => (answerSlowTab = resolve)) : base(tabId);
    fake.states.set(2, {
      ...tabState([[item('new', { text: 'Current tab' }), analysis('question')]]),
      tabId: 2,
    });
    renderPanel(fake);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Reading the page…' })).toBeDefined());
    fake.switchTab({ id: 2, url: 'https://x.com/home' });
    await screen.findByText('Current tab');
    answerSlowTab(tabState([[item('old', { text: 'Old tab' }), analysis('question')]]));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Old tab')).toBeNull();
  });

  it('selects the item the user asked to coach on the page', async () => {
    const fake = createFakeApi();
    fake.states.set(
      1,
      tabState([
        [item('q', { text: 'A question' }), analysis('question')],
        [item('p', { author: { name: 'Pia' }, text: 'You are great' }), analysis('praise')],
      ]),
    );
    renderPanel(fake);
    await screen.findByText('A question');
    fake.emit({ type: 'focusItem', tabId: 1, itemId: 'p' });
    const head = await screen.findByRole('button', { name: /Pia/, expanded: true });
    expect(head.textContent).toContain('You are great');
  });

  it('reloads status and suggestions when the playbook changes', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('q', { author: { name: 'Quinn' } }), analysis('question')]]));
    fake.suggestionSets.set('q', {
      suggestions: [
        { responseId: 'old', title: 'Old answer', text: 'Old', variant: 0, missing: [], why: [], fits: true },
      ],
      offers: [],
    });
    renderPanel(fake);
    await user.click(await screen.findByRole('button', { name: /Quinn/ }));
    await screen.findByText('Old answer');
    fake.suggestionSets.set('q', {
      suggestions: [
        { responseId: 'new', title: 'New answer', text: 'New', variant: 0, missing: [], why: [], fits: true },
      ],
      offers: [],
    });
    fake.status = {
      ...fake.status,
      version: '2026.11.2',
      changes: 'Playbook updated to 2026.11.2: 1 changed',
    };
    fake.emit({ type: 'playbookChanged' });
    expect(await screen.findByText('New answer')).toBeDefined();
    expect(await screen.findByText('Playbook updated to 2026.11.2: 1 changed')).toBeDefined();
  });

  it('marks an item handled without replying', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('s', { author: { name: 'Sol' } }), analysis('question')]]));
    renderPanel(fake);
    await user.click(await screen.findByRole('button', { name: /Sol/ }));
    fake.states.set(1, tabState([]));
    await user.click(await screen.findByRole('button', { name: 'Mark as handled without replying' }));
    expect(fake.calls.handled).toEqual(['s']);
    expect(await screen.findByText('Marked as handled.')).toBeDefined();
    expect(await screen.findByText(/Nobody is waiting/)).toBeDefined();
  });
});
