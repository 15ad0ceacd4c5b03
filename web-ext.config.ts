import { defineWebExtConfig } from 'wxt';

// The dev server's own browser launcher cannot run as root; `npm start` launches Chromium itself.
export default defineWebExtConfig({ disabled: true });
