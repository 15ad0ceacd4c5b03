import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const POST_URL = 'https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123';

interface HappyWindow {
  happyDOM?: { setURL(url: string): void };
}

/**
 * Puts one of our fixture pages into the test document at its real address. The page's fixture script is
 * dropped: these tests read the markup as written, with no editor mounted.
 */
export function loadFixture(name: string, url = POST_URL): Document {
  const html = readFileSync(join(__dirname, '../../fixtures/facebook', name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
  (window as unknown as HappyWindow).happyDOM?.setURL(url);
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}
