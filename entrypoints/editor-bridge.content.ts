import { defineContentScript } from 'wxt/utils/define-content-script';
import { serveEditorBridge } from '~/lib/sites/editors/bridge';

// Runs in the page's own JS world: the sites' editors only accept events that page code created (Firefox).
export default defineContentScript({
  matches: [
    'https://x.com/*',
    'https://twitter.com/*',
    'https://www.facebook.com/*',
    'https://web.facebook.com/*',
  ],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    serveEditorBridge();
  },
});
