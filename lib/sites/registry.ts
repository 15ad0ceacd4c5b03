import type { SiteAdapter } from './adapter';
import { facebookAdapter } from './facebook/adapter';
import type { SiteId } from './model';
import { xAdapter } from './x/adapter';

/**
 * Every site Reciprocity supports. Adding a site is one folder under lib/sites/, one line here, a content
 * script entrypoint and fixture pages under tests/fixtures/<site>/ (the architecture test checks all four).
 * Content scripts import their own adapter directly so each carries only its site's code.
 */
export const SITE_ADAPTERS: Record<SiteId, SiteAdapter> = {
  x: xAdapter,
  facebook: facebookAdapter,
};

export function adapterFor(url: URL): SiteAdapter | null {
  return Object.values(SITE_ADAPTERS).find((a) => a.matches(url)) ?? null;
}
