import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaybookJsonSchema } from '../../../lib/playbook/json-schema';
import { loadPlaybook } from '../../../lib/playbook/load';
import { INTENTS } from '../../../lib/playbook/schema';
import { SAMPLE_TEXT } from './support';

describe('the bundled sample playbook', () => {
  const res = loadPlaybook(SAMPLE_TEXT);

  it('passes the linter with no errors and no warnings', () => {
    expect(res.ok ? res.warnings : res.errors).toEqual([]);
  });

  it('covers every intent with at least 25 responses', () => {
    if (!res.ok) throw new Error('sample is invalid');
    const p = res.playbook;
    expect(p.responses.length).toBeGreaterThanOrEqual(25);
    for (const intent of INTENTS) {
      expect(
        p.responses.some((r) => r.intents.includes(intent)),
        intent,
      ).toBe(true);
    }
    const thanks = p.responses.filter((r) => r.intents.includes('praise') && r.variants.length > 1);
    expect(thanks.length).toBeGreaterThanOrEqual(3);
    expect(p.offers.some((o) => o.maxPercent !== undefined && o.allowedIntents !== undefined)).toBe(true);
    expect(p.voice.bannedPhrases.length).toBeGreaterThan(0);
    expect(p.voice.privateDetails.length).toBeGreaterThan(0);
  });

  it('points YAML editors at the shipped JSON Schema', () => {
    expect(SAMPLE_TEXT.split('\n')[0]).toBe('# yaml-language-server: $schema=./playbook.schema.json');
  });
});

describe('the shipped JSON Schema', () => {
  it('matches the zod schema (run `npx tsx scripts/gen-schema.ts` when this fails)', () => {
    const shipped = readFileSync('assets/playbook.schema.json', 'utf8');
    expect(shipped).toBe(buildPlaybookJsonSchema());
  });

  it('describes the fields managers write', () => {
    const schema = JSON.parse(buildPlaybookJsonSchema()) as { required: string[]; properties: object };
    expect(schema.required).toEqual(
      expect.arrayContaining(['schema', 'name', 'version', 'brand', 'responses']),
    );
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['voice', 'offers']));
  });
});
