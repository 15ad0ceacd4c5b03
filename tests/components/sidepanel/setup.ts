import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser has no `i18n.getMessage`. Serve it from `locales/en.yml` through the same conversion the
 * build uses, so the components under test show the real English strings and a missing key shows up as ''.
 */
const source = readFileSync(join(import.meta.dirname, '..', '..', '..', 'locales', 'en.yml'), 'utf8');
const messages = generateChromeMessages(parseMessagesText(source, 'YAML'));

function getMessage(name: string, substitutions?: string | string[]): string {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\d|\$)/g, (whole, which: string) => {
    if (which === '$') return '$';
    return subs[Number(which) - 1] ?? whole;
  });
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;

/** A message by key, for assertions that should follow the wording in en.yml. */
export function message(key: string, ...substitutions: string[]): string {
  return getMessage(key.replaceAll('.', '_'), substitutions);
}
