import { defineConfig } from 'wxt';

// Chrome gets `side_panel`; Firefox MV3 gets `sidebar_action`. Both open from the toolbar button.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? ['storage', 'alarms'] : ['storage', 'alarms', 'sidePanel'],
    host_permissions: [
      'https://x.com/*',
      'https://twitter.com/*',
      'https://www.facebook.com/*',
      'https://web.facebook.com/*',
    ],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'open-coach': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenCoach__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_title: '__MSG_extName__',
            default_panel: 'sidepanel.html',
            default_icon: 'icon/32.png',
            open_at_install: false,
          },
          browser_specific_settings: {
            gecko: {
              id: 'reciprocity@reciprocity.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
