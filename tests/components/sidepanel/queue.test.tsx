import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { analysis, createFakeApi, item, minutesAgo, tabState } from './fakeApi';
import { renderPanel } from './render';

function queueApi() {
  const api = createFakeApi();
  api.states.set(
    1,
    tabState([
      [item('p1', { author: { name: 'Pat Praise' }, time: minutesAgo(400) }), analysis('praise')],
      [item('q1', { author: { name: 'Quinn Question' }, time: minutesAgo(5) }), analysis('question')],
      [
        item('c1', {
          author: { name: 'Casey Complaint' },
          time: minutesAgo(2),
          text: 'Still waiting, never again',
        }),
        analysis('complaint', {
          reasons: [
            { signal: 'complaint', text: 'still waiting' },
            { signal: 'complaint', text: 'never again' },
            { signal: 'negative', text: 'never' },
          ],
        }),
      ],
      [item('r1', { author: { name: 'Riley Request' }, time: minutesAgo(90) }), analysis('request')],
      [item('c2', { author: { name: 'Cam Complaint' }, time: minutesAgo(180) }), analysis('complaint')],
      [item('s1', { author: { name: 'Spammy' }, time: minutesAgo(1) }), analysis('spam')],
    ]),
  );
  return api;
}

async function queueAuthors(): Promise<string[]> {
  const list = await screen.findByRole('list', { name: 'People waiting for an answer' });
  return within(list)
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('queue-item'))
    .map((li) => li.querySelector('.author')?.textContent ?? '');
}

describe('the queue', () => {
  it('lists complaints first, then questions and requests, older first within each', async () => {
    renderPanel(queueApi());
    expect(await queueAuthors()).toEqual([
      'Cam Complaint',
      'Casey Complaint',
      'Riley Request',
      'Quinn Question',
    ]);
  });

  it('shows counts on every filter and switches between them', async () => {
    const user = userEvent.setup();
    renderPanel(queueApi());
    const needs = await screen.findByRole('button', { name: 'Needs reply 4' });
    expect(needs.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Complaints 2' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Praise 1' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'All 6' }));
    expect(await queueAuthors()).toEqual([
      'Cam Complaint',
      'Casey Complaint',
      'Riley Request',
      'Quinn Question',
      'Pat Praise',
      'Spammy',
    ]);
    await user.click(screen.getByRole('button', { name: 'Praise 1' }));
    expect(await queueAuthors()).toEqual(['Pat Praise']);
    await user.click(screen.getByRole('button', { name: 'Complaints 2' }));
    expect(await queueAuthors()).toEqual(['Cam Complaint', 'Casey Complaint']);
  });

  it('explains its chips with the words that decided them', async () => {
    renderPanel(queueApi());
    const text = await screen.findByText('Still waiting, never again');
    const row = text.closest('li');
    if (!row) throw new Error('no row');
    expect(row.textContent).toContain('Complaint');
    expect(row.textContent).toContain('why: ‘still waiting’, ‘never again’');
    expect(row.textContent).toContain('Negative');
    expect(row.textContent).toContain('why: ‘never’');
  });

  it('shows how long each person has waited', async () => {
    renderPanel(queueApi());
    await screen.findByText('Still waiting, never again');
    expect(screen.getByText('waiting 3 hours')).toBeDefined();
    expect(screen.getByText('waiting 2 minutes')).toBeDefined();
  });

  it('marks text it cannot read instead of guessing', async () => {
    const api = createFakeApi();
    api.states.set(
      1,
      tabState([[item('fr', { text: 'Toujours rien reçu' }), analysis('other', { analysed: false })]]),
    );
    renderPanel(api);
    expect(await screen.findByText('Language not supported, read it yourself')).toBeDefined();
  });

  it('says so when nobody is waiting, per filter', async () => {
    const user = userEvent.setup();
    const api = createFakeApi();
    api.states.set(1, tabState([[item('p'), analysis('praise')]]));
    renderPanel(api);
    expect(await screen.findByText('Nobody is waiting for an answer on this page. Nice work.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Complaints 0' }));
    expect(screen.getByText('No complaints waiting on this page.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Praise 1' }));
    expect(screen.queryByText(/No praise waiting/)).toBeNull();
  });

  it('says so when the page has nothing addressed to the brand at all', async () => {
    const user = userEvent.setup();
    const api = createFakeApi();
    api.states.set(1, tabState([]));
    renderPanel(api);
    await user.click(await screen.findByRole('button', { name: 'All 0' }));
    expect(screen.getByText('Nothing on this page is addressed to your brand and unanswered.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Praise 0' }));
    expect(screen.getByText(/No praise waiting on this page/)).toBeDefined();
  });

  it('moves through the queue with j and k and the arrow keys', async () => {
    const user = userEvent.setup();
    renderPanel(queueApi());
    await screen.findByText('Still waiting, never again');
    const expanded = () =>
      screen
        .getAllByRole('button', { expanded: true })
        .map((b) => b.querySelector('.author')?.textContent ?? '');
    await user.keyboard('j');
    expect(expanded()).toEqual(['Cam Complaint']);
    await user.keyboard('j');
    await user.keyboard('{ArrowDown}');
    expect(expanded()).toEqual(['Riley Request']);
    await user.keyboard('k');
    expect(expanded()).toEqual(['Casey Complaint']);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(expanded()).toEqual(['Cam Complaint']);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Cam Complaint'));
  });

  it('jumps to the filters with /', async () => {
    const user = userEvent.setup();
    renderPanel(queueApi());
    await screen.findByText('Still waiting, never again');
    await user.keyboard('/');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Needs reply 4' })),
    );
  });
});
