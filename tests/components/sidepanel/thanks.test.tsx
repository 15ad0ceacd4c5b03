import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ThankYouOption } from '~/lib/sidepanel/types';
import { analysis, createFakeApi, item, minutesAgo, tabState } from './fakeApi';
import { renderPanel } from './render';

const VARIANTS = [
  'Thank you so much, {first_name}!',
  'That made our day, thanks!',
  'Thanks for the kind words!',
];

function option(itemId: string, name: string, lastVariant: number | null): ThankYouOption {
  return {
    itemId,
    responseId: 'thanks',
    title: 'Thank you',
    variants: VARIANTS.map((v) => v.replace('{first_name}', name)),
    lastVariant,
  };
}

function api(lastVariant: number | null) {
  const fake = createFakeApi();
  fake.states.set(
    1,
    tabState([
      [
        item('p1', { author: { name: 'Ana' }, time: minutesAgo(30), text: 'Best coffee in town' }),
        analysis('praise'),
      ],
      [
        item('p2', { author: { name: 'Ben' }, time: minutesAgo(10), text: 'Love the new blend' }),
        analysis('praise'),
      ],
      [item('q1', { author: { name: 'Cy' }, text: 'When do you open?' }), analysis('question')],
    ]),
  );
  fake.thankYouOptions.set('p1', option('p1', 'Ana', lastVariant));
  fake.thankYouOptions.set('p2', option('p2', 'Ben', lastVariant));
  return fake;
}

async function openLane(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /Thank-yous/ }));
  return screen.findByRole('region', { name: 'Thank-yous' });
}

function row(name: string): HTMLElement {
  const author = screen.getAllByText(name).find((el) => el.classList.contains('author'));
  const li = author?.closest('li');
  if (!li) throw new Error(`no thank-you row for ${name}`);
  return li;
}

describe('the thank-you lane', () => {
  it('lists praise only, oldest first, with the count on its tab', async () => {
    const user = userEvent.setup();
    renderPanel(api(null));
    expect(await screen.findByRole('button', { name: 'Thank-yous 2' })).toBeDefined();
    const lane = await openLane(user);
    expect([...lane.querySelectorAll('.thanks-item .author')].map((a) => a.textContent)).toEqual([
      'Ana',
      'Ben',
    ]);
    expect(lane.textContent).not.toContain('When do you open?');
  });

  it('skips the variant the team used last', async () => {
    const user = userEvent.setup();
    renderPanel(api(0));
    await openLane(user);
    expect(await within(row('Ana')).findByText('That made our day, thanks!')).toBeDefined();
  });

  it('does not post the same words twice in a row', async () => {
    const user = userEvent.setup();
    const fake = api(null);
    renderPanel(fake);
    await openLane(user);
    await within(row('Ana')).findByText('Thank you so much, Ana!');
    await user.click(within(row('Ana')).getByRole('button', { name: 'Thank Ana' }));
    expect(fake.calls.inserted).toEqual([
      {
        tabId: 1,
        itemId: 'p1',
        text: 'Thank you so much, Ana!',
        responseId: 'thanks',
        variant: 0,
        suggestedText: 'Thank you so much, Ana!',
      },
    ]);
    // The next person gets the next wording, though the history has not caught up yet.
    expect(within(row('Ben')).getByText('That made our day, thanks!')).toBeDefined();
    await user.click(within(row('Ben')).getByRole('button', { name: 'Thank Ben' }));
    expect(fake.calls.inserted.map((c) => c.text)).toEqual([
      'Thank you so much, Ana!',
      'That made our day, thanks!',
    ]);
  });

  it('offers another wording on request', async () => {
    const user = userEvent.setup();
    renderPanel(api(null));
    await openLane(user);
    const ana = row('Ana');
    await within(ana).findByText('Thank you so much, Ana!');
    await user.click(within(ana).getByRole('button', { name: 'Another wording' }));
    expect(within(ana).getByText('That made our day, thanks!')).toBeDefined();
    await user.click(within(ana).getByRole('button', { name: 'Another wording' }));
    await user.click(within(ana).getByRole('button', { name: 'Another wording' }));
    expect(within(ana).getByText('Thank you so much, Ana!')).toBeDefined();
  });

  it('keeps a failed insertion out of the rotation', async () => {
    const user = userEvent.setup();
    const fake = api(null);
    fake.insertOutcome = { ok: false, clipboard: false, message: 'the reply box did not open' };
    renderPanel(fake);
    await openLane(user);
    await within(row('Ana')).findByText('Thank you so much, Ana!');
    await user.click(within(row('Ana')).getByRole('button', { name: 'Thank Ana' }));
    expect(await screen.findByText('Could not insert: the reply box did not open')).toBeDefined();
    expect(within(row('Ben')).getByText('Thank you so much, Ben!')).toBeDefined();
  });

  it('says when the playbook has no thank-you for someone', async () => {
    const user = userEvent.setup();
    const fake = api(null);
    fake.thankYouOptions.set('p2', null);
    renderPanel(fake);
    await openLane(user);
    expect(await within(row('Ben')).findByText(/The playbook has no thank-you for this/)).toBeDefined();
  });

  it('prepares the thank-yous again after the playbook changed', async () => {
    const user = userEvent.setup();
    const fake = api(null);
    renderPanel(fake);
    await openLane(user);
    await within(row('Ana')).findByText('Thank you so much, Ana!');
    fake.thankYouOptions.set('p1', { ...option('p1', 'Ana', null), variants: ['Cheers, Ana!'] });
    fake.emit({ type: 'playbookChanged' });
    expect(await within(row('Ana')).findByText('Cheers, Ana!')).toBeDefined();
  });

  it('says when nobody is waiting for a thank-you', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.states.set(1, tabState([[item('q'), analysis('question')]]));
    renderPanel(fake);
    await openLane(user);
    expect(
      screen.getByText('No praise or kind words are waiting for a thank-you on this page.'),
    ).toBeDefined();
  });
});
