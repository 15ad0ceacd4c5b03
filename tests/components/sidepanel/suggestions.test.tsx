import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '~/lib/sidepanel/types';
import { analysis, createFakeApi, item, tabState } from './fakeApi';
import { renderPanel } from './render';

function suggestion(responseId: string, text: string, patch: Partial<Suggestion> = {}): Suggestion {
  const missing = [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] ?? '');
  return {
    responseId,
    title: `Title ${responseId}`,
    text,
    variant: 0,
    missing,
    why: [],
    fits: true,
    ...patch,
  };
}

function api(agent: { name?: string; initials?: string } | null = { name: 'Sam', initials: 'SR' }) {
  const a = createFakeApi();
  a.states.set(
    1,
    tabState(
      [
        [
          item('c1', { author: { name: 'Maria Lopez', handle: 'maria' }, text: 'My order is late' }),
          analysis('complaint'),
        ],
      ],
      {
        agent,
      },
    ),
  );
  a.suggestionSets.set('c1', {
    suggestions: [
      suggestion('late-order', 'Hi Maria, sorry your order is late. Could you DM us? ^SR', {
        why: ['matches the complaint intent', 'trigger: late'],
      }),
      suggestion('refund', 'Sorry Maria, we can refund it. ^SR'),
      suggestion('generic', 'Thanks for telling us, Maria.'),
      suggestion('fourth', 'A fourth one that should not show.'),
    ],
    offers: [
      {
        id: 'sorry-10',
        label: '10% apology discount',
        maxPercent: 10,
        note: 'Only after a confirmed order problem.',
      },
    ],
  });
  return a;
}

async function openItem(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /Maria Lopez/ }));
}

function cards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.suggestion')];
}

describe('suggestions for the selected item', () => {
  it('shows the top three approved replies with why they matched', async () => {
    const user = userEvent.setup();
    renderPanel(api());
    await openItem(user);
    await screen.findByText('Title late-order');
    expect(cards().map((c) => c.querySelector('.suggestion-title')?.textContent)).toEqual([
      '1 Title late-order',
      '2 Title refund',
      '3 Title generic',
    ]);
    expect(screen.getByText('why: matches the complaint intent, trigger: late')).toBeDefined();
  });

  it('shows the offers allowed here with their limits', async () => {
    const user = userEvent.setup();
    renderPanel(api());
    await openItem(user);
    const offers = await screen.findByRole('region', { name: 'Offers allowed here' });
    expect(offers.textContent).toContain('10% apology discount');
    expect(offers.textContent).toContain('(up to 10%)');
    expect(offers.textContent).toContain('Only after a confirmed order problem.');
  });

  it('inserts a suggestion into the reply for that item and announces the result', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPanel(fake);
    await openItem(user);
    const first = (await screen.findByText('Title late-order')).closest('li') as HTMLElement;
    await user.click(within(first).getByRole('button', { name: /Insert into reply/ }));
    expect(fake.calls.inserted).toEqual([
      {
        tabId: 1,
        itemId: 'c1',
        text: 'Hi Maria, sorry your order is late. Could you DM us? ^SR',
        responseId: 'late-order',
        variant: 0,
        suggestedText: 'Hi Maria, sorry your order is late. Could you DM us? ^SR',
      },
    ]);
    expect(await screen.findByText(/Inserted into the reply box/)).toBeDefined();
  });

  it('tells the user to paste when the page only took it through the clipboard', async () => {
    const user = userEvent.setup();
    const fake = api();
    fake.insertOutcome = { ok: true, clipboard: true, message: 'press Ctrl+V in the reply box' };
    renderPanel(fake);
    await openItem(user);
    await user.keyboard('1');
    expect(await screen.findByText('Copied to the clipboard: press Ctrl+V in the reply box')).toBeDefined();
  });

  it('inserts what the agent edited, keeping the original for the reply history', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPanel(fake);
    await openItem(user);
    const second = (await screen.findByText('Title refund')).closest('li') as HTMLElement;
    await user.click(within(second).getByRole('button', { name: 'Edit' }));
    const box = within(second).getByRole('textbox', { name: 'Edit the reply before using it' });
    await user.clear(box);
    await user.type(box, 'Sorry Maria, a refund is on its way.');
    await user.click(within(second).getByRole('button', { name: 'Done editing' }));
    expect(second.querySelector('.suggestion-text')?.textContent).toBe(
      'Sorry Maria, a refund is on its way.',
    );
    await user.click(within(second).getByRole('button', { name: /Insert into reply/ }));
    expect(fake.calls.inserted.at(-1)).toMatchObject({
      text: 'Sorry Maria, a refund is on its way.',
      responseId: 'refund',
      suggestedText: 'Sorry Maria, we can refund it. ^SR',
    });
    await user.click(within(second).getByRole('button', { name: 'Undo my edits' }));
    expect(second.querySelector('.suggestion-text')?.textContent).toBe('Sorry Maria, we can refund it. ^SR');
  });

  it('checks the edited text live, with the length counter', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPanel(fake);
    await openItem(user);
    await screen.findByText('Title late-order');
    await user.keyboard('e');
    const box = await screen.findByRole('textbox', { name: 'Edit the reply before using it' });
    expect(document.activeElement).toBe(box);
    await user.clear(box);
    await user.type(box, 'Hello');
    await waitFor(() => expect(screen.getByText('X length: 5 of 280')).toBeDefined());
    expect(fake.calls.checked.at(-1)).toBe('Hello');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit the reply before using it' })).toBeNull();
  });

  it('copies a suggestion', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPanel(fake);
    await openItem(user);
    const third = (await screen.findByText('Title generic')).closest('li') as HTMLElement;
    await user.click(within(third).getByRole('button', { name: 'Copy' }));
    expect(fake.calls.copied).toEqual(['Thanks for telling us, Maria.']);
    expect(await screen.findByText('Copied to the clipboard.')).toBeDefined();
  });

  it('inserts suggestion 2 with the 2 key', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPanel(fake);
    await openItem(user);
    await screen.findByText('Title refund');
    await user.keyboard('2');
    expect(fake.calls.inserted.map((c) => c.responseId)).toEqual(['refund']);
  });

  it('says when no approved reply matches', async () => {
    const user = userEvent.setup();
    const fake = api();
    fake.suggestionSets.set('c1', { suggestions: [], offers: [] });
    renderPanel(fake);
    await openItem(user);
    expect(await screen.findByText(/No approved reply matches this one/)).toBeDefined();
    expect(screen.getByText('No offer is allowed for this situation.')).toBeDefined();
  });
});

describe('missing variables', () => {
  function withGaps() {
    // The agent skipped the first-run question: no name to sign with.
    const fake = api({});
    fake.suggestionSets.set('c1', {
      suggestions: [suggestion('late-order', 'Hi {first_name}, sorry about that. ^{agent_initials}')],
      offers: [],
    });
    return fake;
  }

  it('highlights them and blocks Insert and Copy until they are edited out', async () => {
    const user = userEvent.setup();
    const fake = withGaps();
    renderPanel(fake);
    await openItem(user);
    const card = (await screen.findByText('Title late-order')).closest('li') as HTMLElement;
    const marks = [...card.querySelectorAll('mark.mark-missing')].map((m) => m.textContent);
    expect(marks).toEqual(['{first_name}', '{agent_initials}']);
    expect(card.textContent).toContain('Fill in {first_name}, {agent_initials} before using this reply');
    const insert = within(card).getByRole('button', { name: /Insert into reply/ });
    expect((insert as HTMLButtonElement).disabled).toBe(true);
    expect((within(card).getByRole('button', { name: 'Copy' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('1');
    expect(fake.calls.inserted).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const box = within(card).getByRole('textbox');
    await user.clear(box);
    await user.type(box, 'Hi Maria, sorry about that. ^SR');
    expect(
      (within(card).getByRole('button', { name: /Insert into reply/ }) as HTMLButtonElement).disabled,
    ).toBe(false);
    await user.click(within(card).getByRole('button', { name: /Insert into reply/ }));
    expect(fake.calls.inserted.map((c) => c.text)).toEqual(['Hi Maria, sorry about that. ^SR']);
  });

  it('fills the agent’s initials once the agent gives them', async () => {
    const user = userEvent.setup();
    const fake = withGaps();
    fake.suggestionSets.set('c1', {
      suggestions: [suggestion('late-order', 'Sorry about that. ^{agent_initials}')],
      offers: [],
    });
    renderPanel(fake);
    await openItem(user);
    const card = (await screen.findByText('Title late-order')).closest('li') as HTMLElement;
    expect(card.textContent).toContain('Add your name in Status');
    await user.click(screen.getByRole('button', { name: 'Status' }));
    await user.click(await screen.findByRole('button', { name: 'Change' }));
    await user.type(screen.getByRole('textbox', { name: 'Your first name' }), 'Sam Rivera');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.calls.agents).toEqual([{ name: 'Sam Rivera', initials: 'SR' }]);
    await user.click(screen.getByRole('button', { name: /Queue/ }));
    const again = (await screen.findByText('Title late-order')).closest('li') as HTMLElement;
    expect(again.querySelector('.suggestion-text')?.textContent).toBe('Sorry about that. ^SR');
    expect(
      (within(again).getByRole('button', { name: /Insert into reply/ }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});
