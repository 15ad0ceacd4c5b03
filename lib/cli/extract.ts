import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import type { ReadContext, SiteAdapter } from '../sites/adapter';
import type { ConversationItem, SiteId } from '../sites/model';

/**
 * `extract --site x|facebook FILE.html [--brand NAME]… [--url URL]`: runs the same adapter code the content
 * scripts run, over a saved page parsed by happy-dom, and prints the items as a JSON array. The page URL
 * decides the page kind (a status page, a post); it comes from `--url`, else the page's canonical link, else
 * the site's home page.
 */

const USAGE = 'usage: extract --site x|facebook FILE.html [--brand NAME]... [--url URL]';

const HOME: Record<SiteId, string> = { x: 'https://x.com/', facebook: 'https://www.facebook.com/' };

/** One item as the extract command prints it. */
export interface ExtractedItem {
  id: string;
  author: { handle?: string; name: string };
  text: string;
  time: string | null;
  permalink: string | null;
  replyingTo: string[];
  isBrand: boolean;
  answered: boolean;
  depth?: number;
}

async function loadAdapter(site: SiteId): Promise<SiteAdapter> {
  if (site === 'x') return (await import('../sites/x/adapter')).xAdapter;
  return (await import('../sites/facebook/adapter')).facebookAdapter;
}

function pageUrl(doc: Document, site: SiteId, given: string | undefined): URL {
  const candidates = [
    given,
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return new URL(candidate, HOME[site]);
    } catch {
      // Not a URL: try the next source.
    }
  }
  return new URL(HOME[site]);
}

function brandFor(site: SiteId, given: string[], adapter: SiteAdapter, doc: Document): string[] {
  // X handles compare in lower case without '@'; Facebook page names are kept as shown.
  const tidy = (name: string) => (site === 'x' ? name.trim().replace(/^@/, '').toLowerCase() : name.trim());
  const named = given.map(tidy).filter((name) => name !== '');
  if (named.length > 0) return named;
  const signedIn = adapter.signedInAccount(doc);
  return signedIn ? [tidy(signedIn)] : [];
}

function toOutput(site: SiteId, item: ConversationItem): ExtractedItem {
  const author =
    item.author.handle === undefined
      ? { name: item.author.name }
      : { handle: item.author.handle, name: item.author.name };
  return {
    id: item.id,
    author,
    text: item.text,
    time: item.time === null ? null : new Date(item.time).toISOString(),
    permalink: item.permalink,
    replyingTo: item.replyingTo,
    isBrand: item.isBrand,
    answered: item.answered,
    ...(site === 'facebook' ? { depth: item.depth } : {}),
  };
}

/** Parses a saved page without running its scripts or fetching anything it links to. */
export async function extractFromHtml(
  html: string,
  site: SiteId,
  options: { brand?: string[]; url?: string; now?: Date; repliedLocally?: ReadonlySet<string> } = {},
): Promise<{ brand: string[]; items: ExtractedItem[] }> {
  const window = new Window({
    url: HOME[site],
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    // happy-dom's Document is structurally the DOM Document the adapters are written against.
    const doc = window.document as unknown as Document;
    doc.write(html);
    const adapter = await loadAdapter(site);
    const url = pageUrl(doc, site, options.url);
    // Adapters that look at the document's own address see the page's, as in the browser.
    window.happyDOM.setURL(url.href);
    const brand = brandFor(site, options.brand ?? [], adapter, doc);
    const ctx: ReadContext = {
      brand,
      now: options.now ?? new Date(),
      baseUrl: url.href,
      repliedLocally: options.repliedLocally ?? new Set(),
    };
    const found = adapter.readItems(doc, ctx).map((f) => f.item);
    const linked = adapter.link(found, ctx, url);
    return { brand, items: linked.map((item) => toOutput(site, item)) };
  } finally {
    await window.happyDOM.close();
  }
}

const OPTIONS = {
  site: { type: 'string' },
  brand: { type: 'string', multiple: true },
  url: { type: 'string' },
} as const;

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true });
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { site } = parsed.values;
  const file = parsed.positionals[0];
  if ((site !== 'x' && site !== 'facebook') || !file || parsed.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const { brand, items } = await extractFromHtml(html, site, {
    brand: parsed.values.brand ?? [],
    ...(parsed.values.url ? { url: parsed.values.url } : {}),
  });
  if (brand.length === 0) {
    process.stderr.write('no brand given (--brand) and no signed-in account on the page: isBrand is false\n');
  }
  process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
  return 0;
}
