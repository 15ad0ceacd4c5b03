import { type Browser, browser } from 'wxt/browser';
import type { ReplyHistoryEntry } from '../analysis/types';
import type { CoachReplyResult, ItemLabel, PageContext, TabState } from '../messaging/protocol';
import { emitUiEvent, sendToTab, serveBackground } from '../messaging/transport';
import { setUpPlaybookSync } from '../playbook/sync';
import { allowedOffers, panelPlaybookStatus, thankYouOption } from '../sidepanel/answers';
import type { ConversationItem, TabSnapshot } from '../sites/model';
import { needsReply } from '../sites/scanner';
import { applyPatch } from '../sites/snapshot-patch';
import { deleteAllLedgerData, recordHandled, recordReply, recordSeen, replyHistory } from '../storage/ledger';
import { getActivePlaybook, getLastDiff, getPlaybookStatus, watchActivePlaybook } from '../storage/playbook';
import { agentItem, preferencesItem } from '../storage/settings';
import { Coach, variableValues } from './coach';
import { forgetTab, readTab, writeTab } from './tabs';

const ALLOWED_HOSTS = new Set(['x.com', 'twitter.com', 'www.facebook.com', 'web.facebook.com']);

export function isAllowedPage(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && ALLOWED_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/** Insertions the panel asked for, by tab, so a posted reply can be credited to the suggestion it came from. */
interface PendingInsert {
  itemId: string | null;
  responseId: string | null;
  variant: number | null;
  suggestedText: string | null;
  at: number;
}

/**
 * The hub: receives page snapshots from content scripts, keeps them in session storage, answers the side panel,
 * runs the analysis, keeps the badge count, and forwards insertions to the page.
 */
export function setUpBackground(): void {
  const coach = new Coach();
  const pending = new Map<number, PendingInsert>();
  /** Ports of open side panels; a panel that is open can take "Coach reply" from the page. */
  const panels = new Set<Browser.runtime.Port>();

  const history = async (): Promise<ReplyHistoryEntry[]> => replyHistory(Date.now()).catch(() => []);

  const setBadge = async (tabId: number, count: number): Promise<void> => {
    await browser.action
      .setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' })
      .catch(() => undefined);
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#a2470b' }).catch(() => undefined);
  };

  const itemOf = async (tabId: number, itemId: string | null): Promise<ConversationItem | null> => {
    if (itemId === null) return null;
    const { snapshot } = await readTab(tabId);
    return snapshot?.items.find((i) => i.id === itemId) ?? null;
  };

  /** A tab's snapshot was stored: update its badge, note the items seen, label the `fresh` ones for markers. */
  const snapshotArrived = async (
    tabId: number,
    snapshot: TabSnapshot,
    fresh: readonly ConversationItem[],
  ): Promise<Record<string, ItemLabel>> => {
    const relevant = fresh.filter((i) => i.addressedToBrand && !i.isBrand);
    const labels = coach.labels(fresh, snapshot.brand);
    await setBadge(tabId, snapshot.items.filter(needsReply).length);
    void recordSeen(
      relevant.map((i) => ({
        platform: i.site,
        itemId: i.id,
        intent: coach.classifyItem(i, snapshot.brand).intent,
        addressedAt: i.time,
      })),
      Date.now(),
    ).catch(() => undefined);
    emitUiEvent('tabChanged', { tabId });
    return labels;
  };

  const tabState = async (tabId: number): Promise<TabState> => {
    const [{ snapshot, draftReport }, agent] = await Promise.all([readTab(tabId), agentItem.get()]);
    const queue = (snapshot?.items ?? [])
      .filter(needsReply)
      .map((item) => ({ itemId: item.id, classification: coach.classifyItem(item, snapshot?.brand ?? []) }));
    return { tabId, snapshot, queue, draftReport, agent };
  };

  serveBackground(
    {
      async snapshot(snapshot, tabId) {
        await writeTab(tabId, (r) => ({ ...r, snapshot }));
        return { labels: await snapshotArrived(tabId, snapshot, snapshot.items) };
      },
      async snapshotPatch(patch, tabId) {
        let merged: TabSnapshot | null = null;
        await writeTab(tabId, (r) => {
          merged = applyPatch(r.snapshot, patch);
          return merged ? { ...r, snapshot: merged } : r;
        });
        if (!merged) return { applied: false, labels: {} };
        return { applied: true, labels: await snapshotArrived(tabId, merged, patch.upsert) };
      },
      async draft(draft, tabId) {
        if (draft === null) {
          await writeTab(tabId, (r) => ({ ...r, draftReport: null }));
          emitUiEvent('tabChanged', { tabId });
          return null;
        }
        const [{ playbook }, hist, replyTo] = await Promise.all([
          getActivePlaybook(),
          history(),
          itemOf(tabId, draft.replyToId),
        ]);
        const report = coach.report(draft.text, playbook, draft.site, replyTo, hist);
        await writeTab(tabId, (r) => ({ ...r, draftReport: report }));
        emitUiEvent('tabChanged', { tabId });
        return report;
      },
      async pageContext(req) {
        const [{ playbook }, prefs, hist] = await Promise.all([
          getActivePlaybook(),
          preferencesItem.get(),
          history(),
        ]);
        const brand =
          req.site === 'x'
            ? playbook.brand.accounts.x.map((h) => h.toLowerCase())
            : playbook.brand.accounts.facebook;
        const repliedLocally = hist.flatMap((h) => (h.itemId ? [h.itemId] : []));
        return { brand, repliedLocally, markers: prefs.markers } satisfies PageContext;
      },
      async replyPosted(req, tabId) {
        const p = pending.get(tabId);
        const credited = p && p.itemId === req.itemId && Date.now() - p.at < 30 * 60_000 ? p : null;
        pending.delete(tabId);
        const [{ playbook }, item, hist] = await Promise.all([
          getActivePlaybook(),
          itemOf(tabId, req.itemId),
          history(),
        ]);
        const report = coach.report(req.text, playbook, req.site, item, hist);
        const c = item ? coach.classifyItem(item, []) : null;
        await recordReply({
          platform: req.site,
          itemId: req.itemId,
          intent: c?.intent ?? null,
          responseId: credited?.responseId ?? null,
          variant: credited?.variant ?? null,
          suggestedText: credited?.suggestedText ?? null,
          text: req.text,
          promoScore: report.promoScore,
          promotional: report.promotional,
          offerIds: playbook.offers
            .filter((o) => req.text.toLowerCase().includes(o.label.toLowerCase()))
            .map((o) => o.id),
          commentAt: item?.time ?? null,
          postedAt: Date.now(),
        });
        emitUiEvent('tabChanged', { tabId });
        emitUiEvent('ledgerChanged', {});
        return { recorded: true };
      },
      async coachReply(req, tabId) {
        if (panels.size > 0) {
          emitUiEvent('focusItem', { tabId, itemId: req.itemId });
          return { panelOpen: true, suggestions: [] } satisfies CoachReplyResult;
        }
        const [{ playbook }, item, hist, agent] = await Promise.all([
          getActivePlaybook(),
          itemOf(tabId, req.itemId),
          history(),
          agentItem.get(),
        ]);
        const suggestions = item ? coach.suggest(playbook, item, { k: 3, history: hist, agent }) : [];
        return {
          panelOpen: false,
          suggestions: suggestions
            .filter((s) => s.missing.length === 0)
            .map((s) => ({ responseId: s.responseId, text: s.text })),
        };
      },
    },
    {
      tabState: (req) => tabState(req.tabId),
      async suggestions(req) {
        const [{ playbook }, item, hist, agent] = await Promise.all([
          getActivePlaybook(),
          itemOf(req.tabId, req.itemId),
          history(),
          agentItem.get(),
        ]);
        if (!item) throw new Error('That item is no longer on the page.');
        return coach.suggest(playbook, item, { k: req.k ?? 3, history: hist, agent });
      },
      async checkDraft(req) {
        const [{ playbook }, hist, item] = await Promise.all([
          getActivePlaybook(),
          history(),
          req.tabId === null ? null : itemOf(req.tabId, req.replyToId),
        ]);
        return coach.report(req.text, playbook, req.platform, item, hist);
      },
      async insert(req) {
        pending.set(req.tabId, {
          itemId: req.itemId,
          responseId: req.responseId,
          variant: req.variant ?? null,
          suggestedText: req.suggestedText,
          at: Date.now(),
        });
        return sendToTab(req.tabId, 'insert', { itemId: req.itemId, text: req.text });
      },
      async markHandled(req) {
        const item = await itemOf(req.tabId, req.itemId);
        await recordHandled({
          platform: item?.site ?? 'x',
          itemId: req.itemId,
          intent: item ? coach.classifyItem(item, []).intent : null,
          at: Date.now(),
        });
        emitUiEvent('tabChanged', { tabId: req.tabId });
        emitUiEvent('ledgerChanged', {});
        return { ok: true };
      },
      async setAgent(agent) {
        await agentItem.set(agent);
        return { ok: true };
      },
      async playbookStatus() {
        const [active, status, diff] = await Promise.all([
          getActivePlaybook(),
          getPlaybookStatus(),
          getLastDiff(),
        ]);
        return panelPlaybookStatus(active, status, diff, new Date());
      },
      async thankYou(req) {
        const [{ playbook }, item, hist, agent] = await Promise.all([
          getActivePlaybook(),
          itemOf(req.tabId, req.itemId),
          history(),
          agentItem.get(),
        ]);
        if (!item) return null;
        const suggestions = coach.suggest(playbook, item, { k: 5, history: hist, agent });
        return thankYouOption(req.itemId, playbook, suggestions, variableValues(playbook, item, agent), hist);
      },
      async offers(req) {
        const [{ playbook }, item, { snapshot }] = await Promise.all([
          getActivePlaybook(),
          itemOf(req.tabId, req.itemId),
          readTab(req.tabId),
        ]);
        if (!item) return [];
        return allowedOffers(
          playbook,
          coach.classifyItem(item, snapshot?.brand ?? []).intent,
          req.responseIds,
        );
      },
      async deleteLedger() {
        await deleteAllLedgerData();
        emitUiEvent('ledgerChanged', {});
        return { ok: true };
      },
    },
    {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      isAllowedPage,
    },
  );

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'panel' || port.sender?.id !== browser.runtime.id) return;
    panels.add(port);
    port.onDisconnect.addListener(() => panels.delete(port));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    pending.delete(tabId);
    void forgetTab(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => emitUiEvent('tabChanged', { tabId }));

  // The toolbar button opens the coach: Chrome's side panel, Firefox's sidebar.
  const sidePanel = (
    browser as unknown as {
      sidePanel?: { setPanelBehavior(o: object): Promise<void>; open(o: object): Promise<void> };
    }
  ).sidePanel;
  const sidebar = (
    browser as unknown as { sidebarAction?: { toggle(): Promise<void>; open(): Promise<void> } }
  ).sidebarAction;
  if (sidePanel) void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  else if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-coach') return;
    if (sidePanel && tab?.windowId !== undefined)
      void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    else void sidebar?.open().catch(() => undefined);
  });

  setUpPlaybookSync();
  // A new playbook changes suggestions, checks and brand accounts: panels re-read, pages re-ask their context.
  watchActivePlaybook(() => emitUiEvent('playbookChanged', {}));
}
