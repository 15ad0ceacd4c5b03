/**
 * What reading one item costs, apart from everything else the content script does, on the scan benchmark's
 * page of 1,000 items: the coach's reader in an isolated world (where a content script runs), the same reader
 * in the page's own world, and the least reading any reader must do, in an isolated world.
 *
 * Each measurement reads items the world has not touched yet, as the content script does with new items:
 * a world wraps every element it touches once, and later touches are cheaper. Readers take turns on blocks of
 * the page so that each sees the same mix of fresh items and the same machine load.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { ROOT } from '../../tests/e2e/fixtures-build';
import { chromiumPath } from '../../tests/e2e/harness';

export type ReadSite = 'x' | 'facebook';

interface Variant {
  label: string;
  reader: 'coach' | 'least';
  world: 'isolated' | 'page';
}

const VARIANTS: Variant[] = [
  { label: "the coach's reader, in the extension's world", reader: 'coach', world: 'isolated' },
  { label: "the coach's reader, in the page's own world", reader: 'coach', world: 'page' },
  { label: 'least reading (id, time, author, text), extension world', reader: 'least', world: 'isolated' },
];

/** Blocks of fresh items per measurement, and how many items the readers warm up on first. */
const BLOCK = 25;
const WARM_UP = 100;

export interface ReadCost {
  label: string;
  /** Median microseconds per item over the blocks. */
  perItemUs: number;
  blocks: number;
  /** Items the reader found in its blocks, to show it read what it was given. */
  found: number;
  read: number;
}

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'scripts/bench/read-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]?.text ?? '';
}

/**
 * Runs `use` on a page of Chromium, without the extension, that is served `html` at `url`'s origin, with
 * `headers` added to the response.
 */
export async function withServedPage<T>(
  html: string,
  url: string,
  use: (page: Page) => Promise<T>,
  headers: Record<string, string> = {},
): Promise<T> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext();
    await context.route(`${new URL(url).origin}/**`, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', headers, body: html }),
    );
    return await use(await context.newPage());
  } finally {
    await browser.close();
  }
}

/** Cross-origin isolation: the page's clock then counts microseconds rather than tenths of a millisecond. */
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export async function measureReadCost(html: string, url: string, site: ReadSite): Promise<ReadCost[]> {
  const code = await bundle();
  return withServedPage(html, url, (page) => readCostOn(page, code, url, site), ISOLATED);
}

async function readCostOn(page: Page, code: string, url: string, site: ReadSite): Promise<ReadCost[]> {
  const context = page.context();
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'reciprocity-bench',
  });
  const evaluate = async <T>(expression: string, world: Variant['world']): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
      ...(world === 'isolated' ? { contextId: executionContextId } : {}),
    });
    if (exceptionDetails) throw new Error(`bench page: ${exceptionDetails.exception?.description ?? ''}`);
    return result.value as T;
  };
  await evaluate(code, 'isolated');
  await evaluate(code, 'page');
  const call = (v: Variant, from: number, count: number) =>
    evaluate<[number, number]>(
      `__readCost.read(${JSON.stringify(site)}, ${JSON.stringify(v.reader)}, ${from}, ${count})`,
      v.world,
    );
  const total = await evaluate<number>(`__readCost.count(${JSON.stringify(site)})`, 'page');
  // Warm-up on the first items, several times over, so the readers run optimised code from then on.
  for (const v of VARIANTS) for (let i = 0; i < 5; i++) await call(v, 0, WARM_UP);
  const samples = VARIANTS.map(() => [] as number[]);
  const found = VARIANTS.map(() => 0);
  const read = VARIANTS.map(() => 0);
  for (let from = WARM_UP, turn = 0; from + BLOCK <= total; from += BLOCK, turn++) {
    const k = turn % VARIANTS.length;
    const [ms, n] = await call(VARIANTS[k] as Variant, from, BLOCK);
    samples[k]?.push((ms / BLOCK) * 1000);
    found[k] = (found[k] ?? 0) + n;
    read[k] = (read[k] ?? 0) + BLOCK;
  }
  return VARIANTS.map((v, k) => {
    const s = [...(samples[k] ?? [])].sort((a, b) => a - b);
    return {
      label: v.label,
      perItemUs: s[s.length >> 1] ?? Number.NaN,
      blocks: s.length,
      found: found[k] ?? 0,
      read: read[k] ?? 0,
    };
  });
}
