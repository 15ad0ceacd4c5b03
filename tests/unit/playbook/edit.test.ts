import { describe, expect, it } from 'vitest';
import { PlaybookDraft } from '../../../lib/playbook/edit';
import { SAMPLE_TEXT } from './support';

function open(text = SAMPLE_TEXT): PlaybookDraft {
  const res = PlaybookDraft.fromText(text);
  if (!res.ok) throw new Error(res.message);
  return res.draft;
}

describe('editing a playbook', () => {
  it('exports the file unchanged when nothing was edited', () => {
    expect(open().toText()).toBe(SAMPLE_TEXT);
  });

  it('keeps comments, order and quoting when a title changes', () => {
    const draft = open().set(['responses', 0, 'title'], 'Thanks for the kind words');
    const text = draft.toText();
    expect(text).toContain('# --- Praise and thank-yous');
    expect(text).toContain('# yaml-language-server: $schema=./playbook.schema.json');
    expect(text).toContain('title: Thanks for the kind words');
    expect(text).toContain('version: "2026.11.1"');
    const lines = (t: string) => t.split('\n').length;
    expect(lines(text)).toBe(lines(SAMPLE_TEXT));
  });

  it('leaves the previous draft untouched', () => {
    const before = open();
    before.set(['name'], 'Changed');
    expect(before.get(['name'])).toBe('Acme Coffee social playbook');
  });

  it('keeps a flow-style list in flow style', () => {
    const draft = open().setList(['responses', 0, 'intents'], ['praise', 'other']);
    expect(draft.toText()).toContain('intents: [praise, other]');
  });

  it('adds, duplicates and deletes responses', () => {
    const start = open();
    const count = start.responseCount();
    const added = start.addResponse();
    expect(added.draft.responseCount()).toBe(count + 1);
    expect(added.draft.get(['responses', added.index, 'id'])).toBe('new-response-1');

    const dup = start.duplicateResponse(0);
    expect(dup.index).toBe(1);
    expect(dup.draft.get(['responses', 1, 'id'])).toBe('thanks-general-2');
    expect(dup.draft.get(['responses', 1, 'variants'])).toEqual(start.get(['responses', 0, 'variants']));
    expect(dup.draft.validate().ok).toBe(true);

    const removed = start.remove(['responses', 0]);
    expect(removed.responseCount()).toBe(count - 1);
  });

  it('validates edits live with located problems', () => {
    const draft = open().set(['responses', 2, 'variants', 0], 'Hi {frist_name}');
    const res = draft.validate();
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors[0]?.path).toBe('responses[2].variants[0]');
    expect(res.errors[0]?.line).toBeGreaterThan(1);
  });

  it('turns a multi-line variant into a block scalar that round-trips', () => {
    const text = 'Hi {first_name},\nthanks for writing.\n{signoff}';
    const draft = open().set(['responses', 0, 'variants', 0], text);
    expect(draft.toText()).toContain('- |-\n');
    const reopened = open(draft.toText());
    expect(reopened.get(['responses', 0, 'variants', 0])).toBe(text);
  });

  it('exports a JSON playbook as JSON', () => {
    const json = JSON.stringify({
      schema: 'reciprocity/playbook@1',
      name: 'J',
      version: '1',
      brand: { name: 'B' },
    });
    const draft = open(json).set(['version'], '2');
    expect(JSON.parse(draft.toText())).toMatchObject({ version: '2' });
  });
});
