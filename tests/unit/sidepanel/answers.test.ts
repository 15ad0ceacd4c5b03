import { describe, expect, it } from 'vitest';
import type { Suggestion } from '~/lib/analysis';
import { type Playbook, playbookSchema } from '~/lib/playbook/schema';
import {
  allowedOffers,
  CHANGES_SHOWN_MS,
  panelPlaybookStatus,
  thankYouOption,
} from '~/lib/sidepanel/answers';

const playbook: Playbook = playbookSchema.parse({
  schema: 'reciprocity/playbook@1',
  name: 'Acme Coffee social playbook',
  version: '2026.11.2',
  brand: { name: 'Acme Coffee' },
  offers: [
    {
      id: 'sorry-10',
      label: '10% apology discount',
      maxPercent: 10,
      allowedIntents: ['complaint'],
      note: 'Once.',
    },
    { id: 'free-shot', label: 'Free extra shot' },
    { id: 'unused', label: 'Not referenced by any reply' },
  ],
  responses: [
    {
      id: 'late',
      title: 'Late order',
      intents: ['complaint'],
      offers: ['sorry-10', 'free-shot'],
      variants: ['Sorry'],
    },
    {
      id: 'ask',
      title: 'Question',
      intents: ['question'],
      offers: ['sorry-10'],
      variants: ['Happy to help'],
    },
    {
      id: 'thanks',
      title: 'Thank you',
      intents: ['praise'],
      variants: ['Thanks {first_name}!', 'You made our day, {first_name}. {signoff}'],
    },
    {
      id: 'thanks-dm',
      title: 'Thank you by DM',
      intents: ['praise'],
      channel: 'dm',
      variants: ['Thanks in private'],
    },
  ],
});

const suggestion = (responseId: string): Suggestion => ({
  responseId,
  title: responseId,
  variant: 0,
  text: '',
  missing: [],
  score: 1,
  why: [],
  fits: true,
});

describe('offers shown with suggestions', () => {
  it('shows the offers of the suggested replies that this intent allows, with their limits', () => {
    expect(allowedOffers(playbook, 'complaint', ['late'])).toEqual([
      { id: 'sorry-10', label: '10% apology discount', maxPercent: 10, note: 'Once.' },
      { id: 'free-shot', label: 'Free extra shot' },
    ]);
  });

  it('hides an offer whose rules do not allow the intent, and offers no reply includes', () => {
    expect(allowedOffers(playbook, 'question', ['ask'])).toEqual([]);
    expect(allowedOffers(playbook, 'complaint', [])).toEqual([]);
  });
});

describe('thank-you options', () => {
  it('fills every variant of the first praise reply and remembers the variant used last', () => {
    const option = thankYouOption(
      'p1',
      playbook,
      [suggestion('thanks-dm'), suggestion('late'), suggestion('thanks')],
      { first_name: 'Ana', signoff: '^SR' },
      [
        { text: 'x', at: 1, responseId: 'thanks', variant: 0 },
        { text: 'y', at: 3, responseId: 'thanks', variant: 1 },
        { text: 'z', at: 2, responseId: 'thanks', variant: 0 },
        { text: 'w', at: 9, responseId: 'late', variant: 0 },
      ],
    );
    expect(option).toEqual({
      itemId: 'p1',
      responseId: 'thanks',
      title: 'Thank you',
      variants: ['Thanks Ana!', 'You made our day, Ana. ^SR'],
      lastVariant: 1,
    });
  });

  it('leaves missing variables visible rather than posting a gap', () => {
    const option = thankYouOption('p1', playbook, [suggestion('thanks')], {}, []);
    expect(option?.variants).toEqual(['Thanks {first_name}!', 'You made our day, {first_name}. {signoff}']);
    expect(option?.lastVariant).toBeNull();
  });

  it('has nothing to offer when no suggested reply is for praise', () => {
    expect(thankYouOption('q', playbook, [suggestion('ask')], {}, [])).toBeNull();
  });
});

describe('the playbook status the panel shows', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const active = {
    playbook: { name: 'Acme Coffee social playbook' },
    source: 'url' as const,
    version: '2026.11.2',
    activatedAt: now.getTime() - 60_000,
  };
  const diff = {
    summary: 'Playbook updated to 2026.11.2: 3 new replies, 1 changed',
    at: now.getTime() - 60_000,
    diff: { toVersion: '2026.11.2' },
  };

  it('carries the name, version, source, errors and a fresh summary of what changed', () => {
    const status = panelPlaybookStatus(
      active,
      { lastError: { message: 'Refresh failed: 500', problems: [{ message: 'server error' }] } },
      diff,
      now,
    );
    expect(status).toEqual({
      name: 'Acme Coffee social playbook',
      version: '2026.11.2',
      source: 'url',
      updatedAt: active.activatedAt,
      errors: ['Refresh failed: 500', 'server error'],
      changes: 'Playbook updated to 2026.11.2: 3 new replies, 1 changed',
    });
  });

  it('drops a summary that is old or about another version', () => {
    const later = new Date(diff.at + CHANGES_SHOWN_MS + 1);
    expect(panelPlaybookStatus(active, { lastError: null }, diff, later).changes).toBeNull();
    expect(
      panelPlaybookStatus({ ...active, version: '2026.11.3' }, { lastError: null }, diff, now).changes,
    ).toBeNull();
  });
});
