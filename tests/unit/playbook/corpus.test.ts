import { beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, loadPlaybook } from '../../../lib/playbook/load';
import { generateKeyPair, signText } from '../../../lib/playbook/signature';
import { acceptCandidate } from '../../../lib/playbook/sync';
import { basePlaybook, memoryEnv, SAMPLE_TEXT, toYaml } from './support';

type Bend = (p: Record<string, unknown>) => void;

/** Reaches into the base playbook's first response, which every case below may bend. */
function response(p: Record<string, unknown>, i = 0): Record<string, unknown> {
  return (p.responses as Record<string, unknown>[])[i] as Record<string, unknown>;
}

function bent(bend: Bend): string {
  const p = basePlaybook();
  bend(p);
  return toYaml(p);
}

interface BadCase {
  name: string;
  text: string;
  rule: string;
  /** A piece of the message the manager reads. */
  says: string;
  /** The path the first matching problem points at. */
  path?: string;
  /** The line it points at, when the file has one to point at. */
  line?: number;
}

const manyResponses = (n: number) =>
  bent((p) => {
    p.responses = Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      title: 'T',
      intents: ['other'],
      variants: ['Hi {first_name}'],
    }));
  });

const CASES: BadCase[] = [
  {
    name: 'an unclosed quote',
    text: 'schema: "reciprocity/playbook@1\nname: x\n',
    rule: 'syntax',
    says: 'invalid YAML',
  },
  {
    name: 'a mis-indented list',
    text: 'schema: reciprocity/playbook@1\nresponses:\n  - id: a\n   title: b\n',
    rule: 'syntax',
    says: 'invalid YAML',
    line: 4,
  },
  { name: 'tabs used for indentation', text: 'brand:\n\tname: A\n', rule: 'syntax', says: 'Tabs' },
  { name: 'a key written twice', text: 'name: a\nname: b\n', rule: 'syntax', says: 'unique', line: 2 },
  {
    name: 'truncated JSON',
    text: '{"schema": "reciprocity/playbook@1", "name": ',
    rule: 'syntax',
    says: 'JSON',
  },
  { name: 'an empty file', text: '  \n', rule: 'empty', says: 'the file is empty' },
  {
    name: 'a list instead of a playbook',
    text: '- a\n- b\n',
    rule: 'schema.invalid_type',
    says: 'map of fields',
  },
  {
    name: 'plain text instead of a playbook',
    text: 'hello there',
    rule: 'schema.invalid_type',
    says: 'got text',
  },
  {
    name: 'the wrong schema id',
    text: bent((p) => {
      p.schema = 'reciprocity/playbook@2';
    }),
    rule: 'schema.invalid_value',
    says: 'must be "reciprocity/playbook@1"',
    path: 'schema',
    line: 1,
  },
  {
    name: 'a missing name',
    text: bent((p) => {
      delete p.name;
    }),
    rule: 'schema.invalid_type',
    says: 'missing required field "name"',
    path: 'name',
  },
  {
    name: 'a version written as a number',
    text: bent((p) => {
      p.version = 2026.11;
    }),
    rule: 'schema.invalid_type',
    says: 'put it in quotes',
    path: 'version',
    line: 3,
  },
  {
    name: 'an unknown intent',
    text: bent((p) => {
      response(p).intents = ['compliment'];
    }),
    rule: 'schema.invalid_value',
    says: 'must be one of "praise", "question"',
    path: 'responses[0].intents[0]',
  },
  {
    name: 'variants given as one string',
    text: bent((p) => {
      response(p).variants = 'Thanks!';
    }),
    rule: 'schema.invalid_type',
    says: 'expected a list, got text "Thanks!"',
    path: 'responses[0].variants',
  },
  {
    name: 'no responses at all',
    text: bent((p) => {
      p.responses = [];
    }),
    rule: 'schema.too_small',
    says: 'needs at least 1 item',
    path: 'responses',
  },
  {
    name: 'a misspelt field',
    text: bent((p) => {
      response(p).varaints = ['x'];
    }),
    rule: 'schema.unrecognized_keys',
    says: 'unknown field "varaints"',
    path: 'responses[0].varaints',
  },
  {
    name: 'an id with spaces and capitals',
    text: bent((p) => {
      response(p).id = 'Late Order';
    }),
    rule: 'schema.invalid_format',
    says: 'lower-case letters',
    path: 'responses[0].id',
  },
  {
    name: 'a promotion threshold above 1',
    text: bent((p) => {
      (p.voice as Record<string, unknown>).promoThreshold = 5;
    }),
    rule: 'schema.too_big',
    says: 'must be at most 1',
    path: 'voice.promoThreshold',
  },
  {
    name: 'an unknown channel',
    text: bent((p) => {
      response(p).channel = 'email';
    }),
    rule: 'schema.invalid_value',
    says: '"public", "dm"',
    path: 'responses[0].channel',
  },
  {
    name: 'two responses with the same id',
    text: bent((p) => {
      response(p, 1).id = 'thanks';
    }),
    rule: 'duplicate-id',
    says: 'duplicate response id "thanks" (also responses[0])',
    path: 'responses[1].id',
  },
  {
    name: 'two offers with the same id',
    text: bent((p) => {
      p.offers = [
        ...(p.offers as unknown[]),
        { id: 'sorry-10', label: 'again', allowedIntents: ['complaint'] },
      ];
    }),
    rule: 'duplicate-id',
    says: 'duplicate offer id "sorry-10"',
    path: 'offers[1].id',
  },
  {
    name: 'a response naming an offer that does not exist',
    text: bent((p) => {
      response(p, 1).offers = ['sorry-15'];
    }),
    rule: 'unknown-offer',
    says: 'unknown offer "sorry-15" (offers are: sorry-10)',
    path: 'responses[1].offers[0]',
  },
  {
    name: 'a misspelt variable',
    text: bent((p) => {
      response(p).variants = ['Thanks {frist_name}!'];
    }),
    rule: 'unknown-variable',
    says: 'unknown variable {frist_name} (did you mean {first_name}?)',
    path: 'responses[0].variants[0]',
  },
  {
    name: 'an unknown variable in the sign-off',
    text: bent((p) => {
      (p.brand as Record<string, unknown>).signoff = '^{initials}';
    }),
    rule: 'unknown-variable',
    says: 'unknown variable {initials}',
    path: 'brand.signoff',
  },
  {
    name: 'a {signoff} with no sign-off defined',
    text: bent((p) => {
      delete (p.brand as Record<string, unknown>).signoff;
    }),
    rule: 'missing-signoff',
    says: 'brand.signoff is not set',
    path: 'responses[0].variants[0]',
  },
  {
    name: 'an empty variant',
    text: bent((p) => {
      response(p).variants = ['   '];
    }),
    rule: 'empty-variant',
    says: 'empty variant',
    path: 'responses[0].variants[0]',
  },
  {
    name: 'a variant too long for X once names are filled in',
    text: bent((p) => {
      response(p).variants = [`Thank you so much {name}! ${'We really appreciate it. '.repeat(10)}`];
    }),
    rule: 'x-length',
    says: 'the limit is 280',
    path: 'responses[0].variants[0]',
  },
  {
    name: 'a file over 2 MB',
    text: `# ${'x'.repeat(2 * 1024 * 1024)}\n${toYaml(basePlaybook())}`,
    rule: 'too-large',
    says: 'at most 2.0 MB',
  },
  {
    name: '5,001 responses',
    text: manyResponses(5001),
    rule: 'schema.too_big',
    says: 'too many responses: 5,001',
  },
  {
    name: 'deeply nested lists',
    text: `schema: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    rule: 'too-deep',
    says: 'nested far too deeply',
  },
  {
    name: 'nesting a few dozen levels deep',
    text: `name: ${'{a: '.repeat(40)}1${'}'.repeat(40)}\n`,
    rule: 'too-deep',
    says: 'nested more than 24 levels',
  },
  {
    name: 'a __proto__ key',
    text: `${toYaml(basePlaybook())}__proto__:\n  polluted: true\n`,
    rule: 'forbidden-key',
    says: 'the key "__proto__" is not allowed',
    path: '__proto__',
  },
  {
    name: 'a constructor key inside a response',
    text: bent((p) => {
      Object.defineProperty(response(p), 'constructor', {
        value: { prototype: { polluted: true } },
        enumerable: true,
      });
    }),
    rule: 'forbidden-key',
    says: 'the key "constructor" is not allowed',
    path: 'responses[0].constructor',
  },
  {
    name: 'an alias bomb',
    text: `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n${Array.from(
      { length: 6 },
      (_, i) => `c${i}: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]`,
    ).join('\n')}\n`,
    rule: 'too-many-aliases',
    says: 'too many aliases',
  },
  {
    name: 'a script tag in a variant',
    text: bent((p) => {
      response(p).variants = ['Thanks! <script>alert(1)</script>'];
    }),
    rule: 'html',
    says: 'contains markup "<script>"; playbook text is plain text only',
    path: 'responses[0].variants[0]',
  },
  {
    name: 'an image with an onerror handler in a title',
    text: bent((p) => {
      response(p).title = 'Hi <img src=x onerror=alert(1)>';
    }),
    rule: 'html',
    says: 'contains markup "<img',
    path: 'responses[0].title',
  },
  {
    name: 'a javascript: link in an offer note',
    text: bent((p) => {
      (p.offers as Record<string, unknown>[])[0] = {
        id: 'sorry-10',
        label: '10%',
        allowedIntents: ['complaint'],
        note: 'see javascript:alert(1)',
      };
    }),
    rule: 'html',
    says: 'contains markup "javascript:"',
    path: 'offers[0].note',
  },
  {
    name: 'a map used as a key',
    text: '? [a, b]\n: c\n',
    rule: 'complex-key',
    says: 'keys must be plain text',
  },
];

describe('the bad playbook corpus', () => {
  it('has at least 30 distinct broken playbooks', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.text)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(`rejects ${c.name} with a clear error and keeps the previous playbook`, async () => {
      const res = loadPlaybook(c.text);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      const hit = res.errors.find((e) => e.rule === c.rule);
      expect(hit, res.errors.map(formatProblem).join('\n')).toBeDefined();
      if (!hit) return;
      expect(hit.message).toContain(c.says);
      if (c.path !== undefined) expect(hit.path).toBe(c.path);
      if (c.line !== undefined) expect(hit.line).toBe(c.line);
      if (c.path !== undefined && c.path !== '') expect(hit.line).toBeGreaterThan(0);

      const env = memoryEnv();
      await acceptCandidate(env, { text: SAMPLE_TEXT, source: 'file', location: 'good.yaml' });
      const before = env.store.active;
      const outcome = await acceptCandidate(env, {
        text: c.text,
        source: 'url',
        location: 'https://x.test/p',
      });
      expect(outcome.kind).toBe('failed');
      expect(env.store.active).toEqual(before);
      expect(env.store.status.version).toBe('2026.11.1');
      expect(env.store.status.lastError?.message).toContain(c.says);
      expect(env.store.status.lastError?.source).toBe('url');
    });
  }
});

describe('signature failures', () => {
  let keys: { publicKey: string; privateKey: string };
  let other: { publicKey: string; privateKey: string };
  beforeEach(async () => {
    keys = await generateKeyPair();
    other = await generateKeyPair();
  });

  const attempts: { name: string; says: string; make: (text: string) => Promise<string | undefined> }[] = [
    { name: 'an unsigned playbook', says: 'not signed', make: async () => undefined },
    {
      name: 'a playbook changed after signing',
      says: 'does not match',
      make: async (text) => signText(`${text}# edited\n`, keys.privateKey),
    },
    {
      name: 'a playbook signed with another key',
      says: 'does not match',
      make: async (text) => signText(text, other.privateKey),
    },
    { name: 'a garbled signature', says: 'malformed', make: async () => 'not-a-signature!' },
  ];

  for (const a of attempts) {
    it(`rejects ${a.name} when a key is pinned and keeps the previous playbook`, async () => {
      const env = memoryEnv();
      await acceptCandidate(env, { text: SAMPLE_TEXT, source: 'file' });
      const before = env.store.active;
      const text = toYaml({ ...basePlaybook(), version: '2.0.0' });
      const outcome = await acceptCandidate(env, {
        text,
        source: 'policy',
        signature: await a.make(text),
        publicKey: keys.publicKey,
      });
      expect(outcome.kind).toBe('failed');
      if (outcome.kind === 'failed') expect(outcome.message).toContain(a.says);
      expect(env.store.active).toEqual(before);
      expect(env.store.status.lastError?.message).toContain('rejected');
    });
  }

  it('accepts the same playbook with a valid signature', async () => {
    const env = memoryEnv();
    const text = toYaml(basePlaybook());
    const signature = await signText(text, keys.privateKey);
    const outcome = await acceptCandidate(env, {
      text,
      source: 'policy',
      signature,
      publicKey: keys.publicKey,
    });
    expect(outcome.kind).toBe('activated');
    expect(env.store.active?.verified).toBe(true);
  });
});
