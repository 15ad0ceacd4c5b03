import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCoach } from '~/lib/sites/runtime';
import { xAdapter } from '~/lib/sites/x/adapter';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startCoach(ctx, xAdapter);
  },
});
