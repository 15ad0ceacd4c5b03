import { type Browser, browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  type ContentRequest,
  type ContentResponses,
  contentRequestSchemas,
  type TabRequest,
  type TabResponses,
  tabRequestSchemas,
  type UiEvents,
  type UiRequest,
  type UiResponses,
  uiRequestSchemas,
} from './protocol';

/**
 * The wire format and the typed send/serve helpers for the protocol in `protocol.ts`.
 *
 * Handlers answer with `sendResponse(x); return true`: that works in Chrome, Firefox and WXT's fake browser,
 * while returning a Promise from a listener does not work everywhere.
 */

type Channel = 'content' | 'tab' | 'ui' | 'event';

interface Envelope {
  reciprocity: 1;
  channel: Channel;
  type: string;
  data: unknown;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

const envelopeSchema = z.object({
  reciprocity: z.literal(1),
  channel: z.enum(['content', 'tab', 'ui', 'event']),
  type: z.string().check(z.maxLength(50)),
  data: z.unknown(),
});

function envelope(channel: Channel, type: string, data: unknown): Envelope {
  return { reciprocity: 1, channel, type, data };
}

async function unwrap<T>(reply: unknown, type: string): Promise<T> {
  if (reply === undefined) throw new Error(`No answer to "${type}": the extension may have been updated.`);
  const r = reply as Reply<T>;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

// ---------- senders ----------

export async function sendToBackground<K extends keyof ContentRequest>(
  type: K,
  data: ContentRequest[K],
): Promise<ContentResponses[K]> {
  return unwrap(await browser.runtime.sendMessage(envelope('content', type, data)), type);
}

export async function askBackground<K extends keyof UiRequest>(
  type: K,
  data: UiRequest[K],
): Promise<UiResponses[K]> {
  return unwrap(await browser.runtime.sendMessage(envelope('ui', type, data)), type);
}

export async function sendToTab<K extends keyof TabRequest>(
  tabId: number,
  type: K,
  data: TabRequest[K],
): Promise<TabResponses[K]> {
  return unwrap(await browser.tabs.sendMessage(tabId, envelope('tab', type, data), { frameId: 0 }), type);
}

/** Fire-and-forget notification to open extension pages; no page listening is fine. */
export function emitUiEvent<K extends keyof UiEvents>(type: K, data: UiEvents[K]): void {
  browser.runtime.sendMessage(envelope('event', type, data)).catch(() => {
    // No side panel or options page is open: nobody to tell.
  });
}

// ---------- servers ----------

type Sender = Browser.runtime.MessageSender;

export type ContentHandlers = {
  [K in keyof ContentRequest]: (
    data: ContentRequest[K],
    tabId: number,
    sender: Sender,
  ) => Promise<ContentResponses[K]>;
};
export type UiHandlers = {
  [K in keyof UiRequest]: (data: UiRequest[K]) => Promise<UiResponses[K]>;
};
export type TabHandlers = {
  [K in keyof TabRequest]: (data: TabRequest[K]) => Promise<TabResponses[K]>;
};

export interface SenderPolicy {
  /** Our own extension id. */
  extensionId: string;
  /** Origin prefix of our own pages, e.g. chrome-extension://ID/. */
  extensionOrigin: string;
  /** Is this page URL one our content scripts run on? */
  isAllowedPage(url: string): boolean;
}

/** Decide which channel a sender may use. Exported for tests. */
export function senderMayUse(channel: Channel, sender: Sender, policy: SenderPolicy): boolean {
  if (sender.id !== policy.extensionId) return false;
  if (channel === 'content') {
    const url = sender.tab?.url ?? sender.url;
    return sender.tab?.id !== undefined && url !== undefined && policy.isAllowedPage(url);
  }
  // Extension pages (side panel, options) have our own origin, also when opened in a tab.
  if (channel === 'ui') return (sender.url ?? '').startsWith(policy.extensionOrigin);
  return false;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function dispatch(
  schema: z.ZodMiniType | undefined,
  data: unknown,
  run: (parsed: unknown) => Promise<unknown>,
  sendResponse: (r: Reply<unknown>) => void,
): true {
  if (!schema) {
    sendResponse({ ok: false, error: 'unknown message type' });
    return true;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    sendResponse({ ok: false, error: `invalid message: ${z.prettifyError(parsed.error).slice(0, 500)}` });
    return true;
  }
  run(parsed.data).then(
    (value) => sendResponse({ ok: true, value }),
    (err: unknown) => sendResponse({ ok: false, error: describe(err) }),
  );
  return true;
}

type Listener = (message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => true | undefined;

/** The background's single message listener for content scripts and extension pages. */
export function serveBackground(content: ContentHandlers, ui: UiHandlers, policy: SenderPolicy): () => void {
  const listener = backgroundListener(content, ui, policy);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The listener itself, separate so tests can hand it any sender. */
export function backgroundListener(content: ContentHandlers, ui: UiHandlers, policy: SenderPolicy): Listener {
  return (message, sender, sendResponse) => {
    const env = envelopeSchema.safeParse(message);
    if (!env.success || (env.data.channel !== 'content' && env.data.channel !== 'ui')) return undefined;
    const { channel, type, data } = env.data;
    if (!senderMayUse(channel, sender, policy)) {
      sendResponse({ ok: false, error: 'sender not allowed' });
      return true;
    }
    if (channel === 'content') {
      const key = type as keyof ContentRequest;
      const schema = Object.hasOwn(contentRequestSchemas, type) ? contentRequestSchemas[key] : undefined;
      const handler = content[key] as (d: unknown, tabId: number, s: Sender) => Promise<unknown>;
      return dispatch(schema, data, (d) => handler(d, sender.tab?.id ?? -1, sender), sendResponse);
    }
    const key = type as keyof UiRequest;
    const schema = Object.hasOwn(uiRequestSchemas, type) ? uiRequestSchemas[key] : undefined;
    const handler = ui[key] as (d: unknown) => Promise<unknown>;
    return dispatch(schema, data, handler, sendResponse);
  };
}

/** The content script's listener for requests from the background. */
export function serveTab(handlers: TabHandlers, extensionId: string): () => void {
  const listener = (
    message: unknown,
    sender: Sender,
    sendResponse: (r: unknown) => void,
  ): true | undefined => {
    const env = envelopeSchema.safeParse(message);
    if (!env.success || env.data.channel !== 'tab') return undefined;
    // Only our own background talks to the content script; pages cannot reach runtime.onMessage.
    if (sender.id !== extensionId || sender.tab !== undefined) return undefined;
    const key = env.data.type as keyof TabRequest;
    const schema = Object.hasOwn(tabRequestSchemas, key) ? tabRequestSchemas[key] : undefined;
    const handler = handlers[key] as (d: unknown) => Promise<unknown>;
    return dispatch(schema, env.data.data, handler, sendResponse);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Extension pages listen for background events. */
export function onUiEvent(
  handler: <K extends keyof UiEvents>(type: K, data: UiEvents[K]) => void,
): () => void {
  const listener = (message: unknown): undefined => {
    const env = envelopeSchema.safeParse(message);
    if (!env.success || env.data.channel !== 'event') return undefined;
    handler(env.data.type as keyof UiEvents, env.data.data as never);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
