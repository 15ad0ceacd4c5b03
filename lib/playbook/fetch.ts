import { LIMITS } from './load';

export const ACCEPTED_CONTENT_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
  'application/json',
] as const;

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface FetchOptions {
  fetch: typeof fetch;
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Lets tests talk to a plain-http server on 127.0.0.1; production never sets it. */
  allowInsecureLoopbackForTests?: boolean;
}

export type FetchResult =
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string; contentType: string }
  | { kind: 'not-modified' }
  | { kind: 'error'; message: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Only https, so nobody on the network path can swap the playbook; returns an error message otherwise. */
export function checkPlaybookUrl(
  url: string,
  opts: { allowInsecureLoopbackForTests?: boolean } = {},
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a valid URL`;
  }
  if (parsed.protocol === 'https:') return null;
  if (opts.allowInsecureLoopbackForTests && parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) {
    return null;
  }
  return `only https:// URLs are allowed, got ${parsed.protocol}//`;
}

/** `https://host/p.yaml` → `https://host/p.yaml.sig`, keeping any query string. */
export function signatureUrl(url: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname}.sig`;
  return u.toString();
}

/** Reads a body up to `maxBytes`, stopping early instead of buffering a runaway download. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 1000)} s (timed out)`;
  }
  return `network error: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * One GET with conditional headers, a timeout, a size cap and a content-type check. Never throws: every
 * failure is a message the status line can show.
 */
export async function fetchPlaybookText(url: string, opts: FetchOptions): Promise<FetchResult> {
  const bad = checkPlaybookUrl(url, opts);
  if (bad) return { kind: 'error', message: bad };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? LIMITS.bytes;
  const headers: Record<string, string> = {
    accept: 'application/yaml, text/yaml, application/json;q=0.9, text/plain;q=0.8',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await opts.fetch(url, {
      headers,
      signal,
      // The extension's own conditional headers decide freshness; the HTTP cache must not answer for them.
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
    });
    if (res.status === 304) return { kind: 'not-modified' };
    if (!res.ok) {
      return { kind: 'error', message: `the server answered HTTP ${res.status} ${res.statusText}`.trim() };
    }
    if (res.url && checkPlaybookUrl(res.url, opts)) {
      return { kind: 'error', message: `redirected to a non-https address (${res.url})` };
    }
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(contentType)) {
      await res.body?.cancel();
      return {
        kind: 'error',
        message:
          `wrong content type "${contentType || 'none'}": serve the playbook as ` +
          'application/yaml, text/yaml, text/plain or application/json',
      };
    }
    const bytes = await readCapped(res, maxBytes);
    if (!bytes) {
      return {
        kind: 'error',
        message: `the playbook is larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MB`,
      };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { kind: 'error', message: 'the playbook is not valid UTF-8 text' };
    }
    return {
      kind: 'ok',
      text,
      contentType,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
    };
  } catch (err) {
    return { kind: 'error', message: describeFailure(err, timeoutMs) };
  }
}

/** Fetches `URL.sig`; a missing signature is `undefined` so the verifier can say "not signed". */
export async function fetchSignature(
  url: string,
  opts: FetchOptions,
): Promise<{ kind: 'ok'; signature: string | undefined } | { kind: 'error'; message: string }> {
  const sigUrl = signatureUrl(url);
  const bad = checkPlaybookUrl(sigUrl, opts);
  if (bad) return { kind: 'error', message: bad };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const res = await opts.fetch(sigUrl, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (res.status === 404) return { kind: 'ok', signature: undefined };
    if (!res.ok) return { kind: 'error', message: `the signature at ${sigUrl} answered HTTP ${res.status}` };
    const bytes = await readCapped(res, 4096);
    if (!bytes) return { kind: 'error', message: 'the signature file is too large' };
    return { kind: 'ok', signature: new TextDecoder().decode(bytes).trim() };
  } catch (err) {
    return { kind: 'error', message: `signature: ${describeFailure(err, timeoutMs)}` };
  }
}
