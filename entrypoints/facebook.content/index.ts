import { defineContentScript } from 'wxt/utils/define-content-script';
import { facebookAdapter } from '~/lib/sites/facebook/adapter';
import { startCoach } from '~/lib/sites/runtime';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startCoach(ctx, facebookAdapter);
  },
});
