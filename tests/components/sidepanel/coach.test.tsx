import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DraftCoachReport } from '~/lib/sidepanel/types';
import { createFakeApi, report, tabState } from './fakeApi';
import { renderPanel } from './render';

function api(draft: DraftCoachReport | null) {
  const fake = createFakeApi();
  fake.states.set(1, tabState([], { draft }));
  return fake;
}

async function openCoach(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /^Coach/ }));
  return screen.findByRole('region', { name: 'Draft coach' });
}

const PROMO_DRAFT = 'Calm down. Use code SAVE20 for 20% off at acme.com! Send your order number here.';
const span = (words: string) => ({
  start: PROMO_DRAFT.indexOf(words),
  end: PROMO_DRAFT.indexOf(words) + words.length,
});

describe('the draft coach', () => {
  it('lists every issue with its fix and highlights the words it is about', async () => {
    const user = userEvent.setup();
    renderPanel(
      api(
        report({
          text: PROMO_DRAFT,
          promoScore: 0.82,
          promotional: true,
          looksGood: false,
          length: PROMO_DRAFT.length,
          notes: [
            {
              rule: 'check:banned-phrase',
              severity: 'error',
              message: '"Calm down" is on the banned list.',
              tip: 'Acknowledge the feeling instead.',
              ...span('Calm down'),
            },
            {
              rule: 'promo:discount-code',
              severity: 'warning',
              message: 'A discount code reads like an advert.',
              tip: 'Offer help first; mention the code only if asked.',
              ...span('SAVE20'),
            },
            {
              rule: 'check:private-detail-request',
              severity: 'error',
              message: 'Order numbers belong in a private message.',
              tip: 'Ask for the order number by DM instead.',
              ...span('order number'),
            },
          ],
        }),
      ),
    );
    const coach = await openCoach(user);
    const issues = within(coach).getByRole('list', { name: 'Issues to fix before posting' });
    const lines = within(issues)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      'Fix Calm down "Calm down" is on the banned list. Acknowledge the feeling instead.',
      'Check SAVE20 A discount code reads like an advert. Offer help first; mention the code only if asked.',
      'Fix order number Order numbers belong in a private message. Ask for the order number by DM instead.',
    ]);
    expect([...coach.querySelectorAll('mark.mark-issue')].map((m) => m.textContent)).toEqual([
      'Calm down',
      'SAVE20',
      'order number',
    ]);
    expect(within(coach).getByText(/Promotion score 82%: reads like an advert/)).toBeDefined();
    expect(within(coach).queryByText(/Looks good/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Coach 3' })).toBeDefined();
  });

  it('shows the X length counter and how far over the limit a draft is', async () => {
    const user = userEvent.setup();
    const long = 'a'.repeat(300);
    renderPanel(api(report({ text: long, length: 300, limit: 280, looksGood: false })));
    const coach = await openCoach(user);
    expect(within(coach).getByText(/X length: 300 of 280/).textContent).toContain('(20 over the limit)');
  });

  it('shows the Facebook counter without a limit', async () => {
    const user = userEvent.setup();
    renderPanel(api(report({ text: 'Hi there', platform: 'facebook', length: 8, limit: null })));
    const coach = await openCoach(user);
    expect(within(coach).getByText('Facebook length: 8 characters')).toBeDefined();
  });

  it('says "looks good" when it does', async () => {
    const user = userEvent.setup();
    renderPanel(api(report({ text: 'Sorry about the wait, Maria. Could you DM us?', length: 45 })));
    const coach = await openCoach(user);
    expect(within(coach).getByText(/Looks good/)).toBeDefined();
    expect(within(coach).getByText('Promotion score 10%: reads like a person.')).toBeDefined();
    expect(within(coach).queryByRole('list', { name: 'Issues to fix before posting' })).toBeNull();
  });

  it('asks the user to click into a reply box when none has focus', async () => {
    const user = userEvent.setup();
    renderPanel(api(null));
    const coach = await openCoach(user);
    expect(within(coach).getByText(/Click into a reply box on the page/)).toBeDefined();
  });

  it('follows the draft as the background reports changes', async () => {
    const user = userEvent.setup();
    const fake = api(report({ text: 'Hi', length: 2 }));
    renderPanel(fake);
    const coach = await openCoach(user);
    expect(within(coach).getByText('X length: 2 of 280')).toBeDefined();
    fake.states.set(1, tabState([], { draft: report({ text: 'Hi there', length: 8 }) }));
    fake.emit({ type: 'tabChanged', tabId: 1 });
    expect(await within(coach).findByText('X length: 8 of 280')).toBeDefined();
  });
});
