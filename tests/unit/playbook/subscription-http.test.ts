// @vitest-environment node
// Node's own fetch, as in the service worker: the page-like test DOM would apply CORS to a local server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkPlaybookUrl, fetchPlaybookText } from '../../../lib/playbook/fetch';
import { generateKeyPair, signText } from '../../../lib/playbook/signature';
import { refreshPlaybook } from '../../../lib/playbook/sync';
import { basePlaybook, memoryEnv, toYaml } from './support';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1; each test installs the behaviour it needs. */
let server: Server;
let base = '';
let handler: Handler = (_req, res) => res.end();
const requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
});

const V1 = toYaml({ ...basePlaybook(), version: '2026.11.1' });
const V2 = toYaml({
  ...basePlaybook(),
  version: '2026.11.2',
  responses: [
    ...(basePlaybook().responses as unknown[]),
    { id: 'hours', title: 'Opening hours', intents: ['question'], variants: ['7am to 6pm, {first_name}!'] },
  ],
});

function serve(files: Record<string, { body: string; type?: string; status?: number; etag?: string }>): void {
  handler = (req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (file.etag && req.headers['if-none-match'] === file.etag) {
      res.writeHead(304).end();
      return;
    }
    res
      .writeHead(file.status ?? 200, {
        'content-type': file.type ?? 'application/yaml',
        ...(file.etag ? { etag: file.etag } : {}),
        'last-modified': 'Mon, 23 Nov 2026 08:00:00 GMT',
      })
      .end(file.body);
  };
}

function subscribedEnv(path: string, publicKey?: string) {
  const env = memoryEnv({ allowInsecureLoopbackForTests: true, timeoutMs: 500 });
  env.store.subscription = { url: `${base}${path}`, refreshMinutes: 60, publicKey };
  return env;
}

describe('URL subscription against a local server', () => {
  it('activates a playbook served with 200 and remembers its validators', async () => {
    serve({ '/p.yaml': { body: V1, etag: '"v1"' } });
    const env = subscribedEnv('/p.yaml');
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('activated');
    expect(env.store.active?.version).toBe('2026.11.1');
    expect(env.store.active?.source).toBe('url');
    expect(env.store.active?.etag).toBe('"v1"');
    expect(env.store.status).toMatchObject({ source: 'url', version: '2026.11.1', lastError: null });
  });

  it('sends If-None-Match and keeps the playbook on 304 Not Modified', async () => {
    serve({ '/p.yaml': { body: V1, etag: '"v1"' } });
    const env = subscribedEnv('/p.yaml');
    await refreshPlaybook(env);
    const activatedAt = env.store.active?.activatedAt;
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('not-modified');
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(requests.at(-1)?.headers['if-modified-since']).toBe('Mon, 23 Nov 2026 08:00:00 GMT');
    expect(env.store.active?.activatedAt).toBe(activatedAt);
    expect(env.store.status.lastCheckedAt).toBeGreaterThan(env.store.status.fetchedAt ?? 0);
  });

  it('records what changed when a new version is published', async () => {
    serve({ '/p.yaml': { body: V1, etag: '"v1"' } });
    const env = subscribedEnv('/p.yaml');
    await refreshPlaybook(env);
    serve({ '/p.yaml': { body: V2, etag: '"v2"' } });
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('activated');
    expect(env.store.lastDiff?.summary).toBe('Playbook updated to 2026.11.2: 1 new reply');
    expect(env.store.lastDiff?.diff.responses.added).toEqual(['hours']);
  });

  it.each([
    [404, 'HTTP 404'],
    [500, 'HTTP 500'],
  ])('keeps the last good playbook when the server answers %i', async (status, says) => {
    serve({ '/p.yaml': { body: V1 } });
    const env = subscribedEnv('/p.yaml');
    await refreshPlaybook(env);
    serve({ '/p.yaml': { body: 'oops', status } });
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('failed');
    expect(env.store.active?.version).toBe('2026.11.1');
    expect(env.store.status.version).toBe('2026.11.1');
    expect(env.store.status.lastError?.message).toContain(says);
  });

  it('gives up on a slow server after the timeout and keeps the playbook', async () => {
    serve({ '/p.yaml': { body: V1 } });
    const env = subscribedEnv('/p.yaml');
    await refreshPlaybook(env);
    handler = (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/yaml' }).end(V2), 3000);
    };
    const started = Date.now();
    const outcome = await refreshPlaybook(env);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('timed out');
    expect(env.store.active?.version).toBe('2026.11.1');
  });

  it('rejects an HTML page served instead of the playbook', async () => {
    serve({ '/p.yaml': { body: '<html><body>Sign in</body></html>', type: 'text/html; charset=utf-8' } });
    const env = subscribedEnv('/p.yaml');
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('wrong content type "text/html"');
    expect(env.store.active).toBeNull();
  });

  it('stops reading a body over the size cap', async () => {
    serve({ '/p.yaml': { body: `# ${'x'.repeat(5000)}\n${V1}` } });
    const env = subscribedEnv('/p.yaml');
    env.maxBytes = 4096;
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('larger than');
  });

  it('accepts a playbook whose .sig matches the pinned key and rejects a tampered one', async () => {
    const keys = await generateKeyPair();
    const sig = await signText(V1, keys.privateKey);
    serve({ '/p.yaml': { body: V1 }, '/p.yaml.sig': { body: sig, type: 'text/plain' } });
    const env = subscribedEnv('/p.yaml', keys.publicKey);
    expect((await refreshPlaybook(env)).kind).toBe('activated');
    expect(env.store.active?.verified).toBe(true);

    serve({ '/p.yaml': { body: V2 }, '/p.yaml.sig': { body: sig, type: 'text/plain' } });
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('signature does not match');
    expect(env.store.active?.version).toBe('2026.11.1');
  });

  it('rejects a playbook with no .sig when a key is pinned', async () => {
    const keys = await generateKeyPair();
    serve({ '/p.yaml': { body: V1 } });
    const env = subscribedEnv('/p.yaml', keys.publicKey);
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('not signed');
  });

  it('refuses plain http in production, even on the loopback address', async () => {
    serve({ '/p.yaml': { body: V1 } });
    const env = subscribedEnv('/p.yaml');
    env.allowInsecureLoopbackForTests = undefined;
    const outcome = await refreshPlaybook(env);
    expect(outcome.kind).toBe('failed');
    expect(env.store.status.lastError?.message).toContain('only https://');
    expect(requests).toHaveLength(0);
    expect(checkPlaybookUrl('http://example.com/p.yaml', { allowInsecureLoopbackForTests: true })).toContain(
      'only https://',
    );
    expect(checkPlaybookUrl('https://example.com/p.yaml')).toBeNull();
  });

  it('reports a network error when nothing listens', async () => {
    const res = await fetchPlaybookText('http://127.0.0.1:1/p.yaml', {
      fetch: (input, init) => fetch(input, init),
      allowInsecureLoopbackForTests: true,
      timeoutMs: 2000,
    });
    expect(res.kind).toBe('error');
    if (res.kind === 'error') expect(res.message).toContain('network error');
  });
});
