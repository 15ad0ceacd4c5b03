import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { analysis, createFakeApi, item, snapshot, tabState } from './fakeApi';
import { renderPanel } from './render';

describe('the first minute', () => {
  it('says the bundled sample playbook is active when none is configured', async () => {
    const fake = createFakeApi();
    fake.status = { ...fake.status, name: 'Sample playbook', source: 'sample', updatedAt: null };
    fake.states.set(1, tabState([]));
    renderPanel(fake);
    expect(await screen.findByText(/You are using the bundled sample playbook/)).toBeDefined();
  });

  it('does not mention the sample once the team’s playbook is active', async () => {
    const fake = createFakeApi();
    fake.states.set(1, tabState([]));
    renderPanel(fake);
    await screen.findByText(/Nobody is waiting/);
    expect(screen.queryByText(/bundled sample playbook/)).toBeNull();
  });

  it('says what to open on a tab that is not X or Facebook', async () => {
    const fake = createFakeApi();
    fake.tab = { id: 7, url: 'https://example.com/' };
    renderPanel(fake);
    expect(await screen.findByRole('heading', { name: 'Open X or Facebook' })).toBeDefined();
    expect(fake.calls.tabState).toEqual([7]);
  });

  it('says what to open when there is no tab at all', async () => {
    const fake = createFakeApi();
    fake.tab = null;
    renderPanel(fake);
    expect(await screen.findByRole('heading', { name: 'Open X or Facebook' })).toBeDefined();
  });

  it('waits for the page on X before the content script has reported', async () => {
    const fake = createFakeApi();
    renderPanel(fake);
    expect(await screen.findByRole('heading', { name: 'Reading the page…' })).toBeDefined();
  });

  it('asks the agent’s name and initials once, suggesting initials from the name', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('q'), analysis('question')]], { agent: null }));
    renderPanel(fake);
    const form = await screen.findByRole('form', { name: 'Who is replying?' });
    await user.type(within(form).getByRole('textbox', { name: 'Your first name' }), 'Sam Rivera');
    expect((within(form).getByRole('textbox', { name: 'Your initials' }) as HTMLInputElement).value).toBe(
      'SR',
    );
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(fake.calls.agents).toEqual([{ name: 'Sam Rivera', initials: 'SR' }]);
    expect(screen.queryByRole('form', { name: 'Who is replying?' })).toBeNull();
    // A refresh from a background that has not stored it yet does not ask again.
    fake.emit({ type: 'tabChanged', tabId: 1 });
    await screen.findByText('Text of q');
    expect(screen.queryByRole('form', { name: 'Who is replying?' })).toBeNull();
  });

  it('lets the agent skip the question', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, tabState([], { agent: null }));
    renderPanel(fake);
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(fake.calls.agents).toEqual([{}]);
    expect(screen.queryByRole('form', { name: 'Who is replying?' })).toBeNull();
  });

  it('does not ask an agent who already answered', async () => {
    const fake = createFakeApi();
    fake.states.set(1, tabState([], { agent: {} }));
    renderPanel(fake);
    await screen.findByText(/Nobody is waiting/);
    expect(screen.queryByRole('form', { name: 'Who is replying?' })).toBeNull();
  });
});

describe('status', () => {
  it('shows the active playbook, its source, errors and what changed', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.status = {
      name: 'Acme Coffee social playbook',
      version: '2026.11.2',
      source: 'url',
      updatedAt: Date.UTC(2026, 10, 23, 9, 0),
      errors: ['https://acme.example/playbook.yaml: 500 Internal Server Error'],
      changes: 'Playbook updated to 2026.11.2: 3 new replies, 1 changed',
    };
    fake.states.set(1, tabState([]));
    renderPanel(fake);
    expect(await screen.findByText('Playbook updated to 2026.11.2: 3 new replies, 1 changed')).toBeDefined();
    expect(
      screen.getByText(/The last playbook update failed; the previous good version stays active/),
    ).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Status' }));
    const status = await screen.findByRole('region', { name: 'Status' });
    const text = status.textContent ?? '';
    for (const expected of [
      'Acme Coffee social playbook',
      '2026.11.2',
      'Subscribed URL',
      '500 Internal Server Error',
      'Signed as Sam (SR).',
    ]) {
      expect(text).toContain(expected);
    }
    expect(status.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-23T09:00:00.000Z');
  });

  it('says when the playbook status is not available', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.playbookStatus = async () => {
      throw new Error('no answer');
    };
    renderPanel(fake);
    await user.click(await screen.findByRole('button', { name: 'Status' }));
    expect(await screen.findByText('The playbook status is not available right now.')).toBeDefined();
    expect(screen.getByText('No X or Facebook page in this tab.')).toBeDefined();
  });

  it('reports adapter health in words, on the queue and in status', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, {
      ...tabState([]),
      snapshot: snapshot([], {
        health: { status: 'degraded', problems: [{ code: 'selector-missing', detail: 'tweetText' }] },
      }),
    });
    renderPanel(fake);
    expect(await screen.findByText('X page layout not recognised: markers paused.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Status' }));
    const status = await screen.findByRole('region', { name: 'Status' });
    expect(within(status).getByText(/X page layout not recognised/).textContent).toContain('(tweetText)');
  });

  it('says the page is read normally when it is', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, tabState([]));
    renderPanel(fake);
    await user.click(await screen.findByRole('button', { name: 'Status' }));
    expect(await screen.findByText('X page read normally.')).toBeDefined();
  });
});

describe('themes', () => {
  it('forces a theme when asked, and follows the system otherwise', async () => {
    const fake = createFakeApi();
    const { container, unmount } = renderPanel(fake, 'dark');
    expect(container.querySelector('.panel')?.getAttribute('data-theme')).toBe('dark');
    await screen.findByRole('heading', { name: 'Reading the page…' });
    unmount();
    const again = renderPanel(createFakeApi());
    expect(again.container.querySelector('.panel')?.hasAttribute('data-theme')).toBe(false);
    await screen.findByRole('heading', { name: 'Reading the page…' });
  });
});
