/**
 * Render the SVG icon to the PNG sizes the manifest lists, with the same Chromium the tests use.
 * `npx tsx scripts/icons.ts` after editing assets/icon/reciprocity.svg; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/harness';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'assets/icon/reciprocity.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
