import type { CoachNote, DraftReport } from '../messaging/protocol';

/**
 * Reciprocity's in-page UI: markers on unanswered items, the coach chip on the active reply box, and the small
 * suggestions popover. Each lives in its own shadow root so the site's CSS cannot touch it and ours cannot
 * leak. Text is always set with textContent: nothing from the page or the playbook is parsed as HTML.
 */

const BASE_CSS = `
:host { all: initial; display: block; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
:host([data-theme="dark"]) { --bg: #16181c; --fg: #e7e9ea; --muted: #a8b0b8; --line: #2f3336; --accent: #f4a259; --warn: #ff8a8a; }
:host, :host([data-theme="light"]) { --bg: #ffffff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --accent: #a2470b; --warn: #b3261e; }
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;

let themeCache: { doc: Document; at: number; theme: 'light' | 'dark' } | null = null;

/**
 * X and Facebook both paint a dark background in dark mode; follow the page rather than the OS setting. Reading
 * a computed style forces the browser to recalculate styles, so the answer is kept for a few seconds instead of
 * being asked again for every marker.
 */
export function pageTheme(doc: Document): 'light' | 'dark' {
  const now = Date.now();
  if (themeCache && themeCache.doc === doc && now - themeCache.at < 3000) return themeCache.theme;
  const theme = readPageTheme(doc);
  themeCache = { doc, at: now, theme };
  return theme;
}

function readPageTheme(doc: Document): 'light' | 'dark' {
  const color = doc.defaultView?.getComputedStyle(doc.body).backgroundColor ?? '';
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(color);
  if (!m || m[4] === '0')
    return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100 ? 'dark' : 'light';
}

/** One shared stylesheet per kind of element: a page with hundreds of markers parses their CSS once. */
const sheets = new Map<string, CSSStyleSheet | null>();

function sharedSheet(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  return sheets.get(css) ?? null;
}

function host(doc: Document, tag: string, css: string): { el: HTMLElement; root: ShadowRoot } {
  const el = doc.createElement(tag);
  el.setAttribute('data-theme', pageTheme(doc));
  const root = el.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(BASE_CSS + css);
  try {
    if (!sheet) throw new Error('no constructable stylesheets');
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Where a sheet made in the content script cannot be adopted by the page's DOM, a <style> does the same.
    const style = doc.createElement('style');
    style.textContent = BASE_CSS + css;
    root.append(style);
  }
  return { el, root };
}

function node<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  return el;
}

// ---------- markers ----------

const MARKER_CSS = `
.marker { display: inline-flex; align-items: center; gap: 8px; margin: 6px 0 2px; padding: 3px 4px 3px 10px;
  border: 1px solid var(--line); border-radius: 999px; background: var(--bg); color: var(--fg); }
.label { color: var(--muted); }
.label b { color: var(--accent); font-weight: 600; }
.coach { border: 1px solid var(--accent); border-radius: 999px; background: transparent; color: var(--accent);
  padding: 2px 10px; font-weight: 600; }
.flash { animation: flash 1.2s ease-out 1; }
@keyframes flash { from { box-shadow: 0 0 0 4px var(--accent); } to { box-shadow: 0 0 0 0 transparent; } }
`;

export interface Marker {
  el: HTMLElement;
  update(label: string, intent: string | null): void;
  flash(): void;
}

export function createMarker(doc: Document, onCoach: () => void): Marker {
  const { el, root } = host(doc, 'reciprocity-marker', MARKER_CSS);
  const box = node(doc, 'div', { className: 'marker', attrs: { role: 'note' } });
  const label = node(doc, 'span', { className: 'label' });
  const button = node(doc, 'button', { className: 'coach', text: 'Coach reply', attrs: { type: 'button' } });
  button.addEventListener('click', (e) => {
    // The tweet or comment underneath would otherwise open as if clicked.
    e.stopPropagation();
    e.preventDefault();
    onCoach();
  });
  box.append(label, button);
  root.append(box);
  let shown = '';
  return {
    el,
    update(text, intent) {
      // Markers are refreshed after every read: touch the DOM only when the words change.
      const key = `${text}\u0000${intent ?? ''}`;
      if (key === shown) return;
      shown = key;
      label.replaceChildren();
      const b = node(doc, 'b', { text: 'Unanswered' });
      label.append(b, doc.createTextNode(text ? ` · ${text}` : ''));
      box.setAttribute('aria-label', `Unanswered${text ? `, ${text}` : ''}`);
      if (intent) box.dataset.intent = intent;
    },
    flash() {
      box.classList.remove('flash');
      void box.offsetWidth;
      box.classList.add('flash');
    },
  };
}

/** "3h", "2d", "just now": the marker's age. */
export function shortAge(time: number | null, now: number): string {
  if (time === null) return '';
  const s = Math.max(0, Math.round((now - time) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  if (s < 7 * 86_400) return `${Math.floor(s / 86_400)}d`;
  return `${Math.floor(s / (7 * 86_400))}w`;
}

// ---------- coach chip ----------

const CHIP_CSS = `
.chip { display: inline-flex; align-items: center; gap: 8px; margin: 6px 0; padding: 3px 10px;
  border: 1px solid var(--line); border-radius: 999px; background: var(--bg); color: var(--fg); }
.meter { width: 60px; height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; }
.meter > i { display: block; height: 100%; background: var(--accent); }
.chip[data-promotional="true"] .meter > i { background: var(--warn); }
.count[data-n="0"] { color: var(--muted); }
.panel { margin: 4px 0 8px; padding: 8px 10px; max-width: 520px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); }
.panel ul { margin: 0; padding: 0 0 0 16px; }
.panel li { margin: 4px 0; }
.tip { color: var(--muted); display: block; }
mark { background: color-mix(in srgb, var(--warn) 30%, transparent); color: inherit; border-radius: 2px; }
`;

export interface Chip {
  el: HTMLElement;
  update(report: DraftReport | null): void;
}

function snippet(doc: Document, text: string, note: CoachNote): HTMLElement {
  const wrap = node(doc, 'q');
  if (note.end <= note.start) return wrap;
  const from = Math.max(0, note.start - 24);
  const to = Math.min(text.length, note.end + 24);
  wrap.append(
    doc.createTextNode((from > 0 ? '…' : '') + text.slice(from, note.start)),
    node(doc, 'mark', { text: text.slice(note.start, note.end) }),
    doc.createTextNode(text.slice(note.end, to) + (to < text.length ? '…' : '')),
  );
  return wrap;
}

export function createChip(doc: Document): Chip {
  const { el, root } = host(doc, 'reciprocity-chip', CHIP_CSS);
  const chip = node(doc, 'button', {
    className: 'chip',
    attrs: { type: 'button', 'aria-expanded': 'false' },
  });
  const title = node(doc, 'span', { text: 'Coach' });
  const meter = node(doc, 'span', {
    className: 'meter',
    attrs: { role: 'meter', 'aria-label': 'Promotion' },
  });
  const fill = node(doc, 'i');
  meter.append(fill);
  const count = node(doc, 'span', { className: 'count' });
  chip.append(title, meter, count);
  const panel = node(doc, 'div', { className: 'panel', attrs: { hidden: '' } });
  chip.addEventListener('click', (e) => {
    e.preventDefault();
    const open = panel.hasAttribute('hidden');
    panel.toggleAttribute('hidden', !open);
    chip.setAttribute('aria-expanded', String(open));
  });
  root.append(chip, panel);
  return {
    el,
    update(report) {
      el.hidden = report === null || report.text.trim() === '';
      if (!report) return;
      const pct = Math.round(report.promoScore * 100);
      fill.style.width = `${pct}%`;
      meter.setAttribute('aria-valuenow', String(pct));
      meter.setAttribute('aria-valuemin', '0');
      meter.setAttribute('aria-valuemax', '100');
      chip.dataset.promotional = String(report.promotional);
      const issues = report.notes.filter((n) => n.severity !== 'info').length;
      count.dataset.n = String(issues);
      count.textContent = report.looksGood
        ? 'looks good'
        : `${report.promotional ? 'promotion-heavy · ' : ''}${issues} issue${issues === 1 ? '' : 's'}`;
      const list = node(doc, 'ul');
      for (const n of report.notes) {
        const li = node(doc, 'li', { attrs: { 'data-rule': n.rule } });
        li.append(
          node(doc, 'span', { text: n.message }),
          doc.createTextNode(' '),
          snippet(doc, report.text, n),
        );
        if (n.tip) li.append(node(doc, 'span', { className: 'tip', text: n.tip }));
        list.append(li);
      }
      const length = node(doc, 'p', {
        text: report.limit ? `${report.length} / ${report.limit}` : `${report.length} characters`,
      });
      panel.replaceChildren(list, length);
    },
  };
}

// ---------- suggestions popover (when the side panel cannot be opened from the page) ----------

const POPOVER_CSS = `
.pop { position: relative; margin: 6px 0; padding: 8px 10px; max-width: 520px; border: 1px solid var(--line);
  border-radius: 10px; background: var(--bg); color: var(--fg); box-shadow: 0 4px 16px rgb(0 0 0 / 0.15); }
.pop h2 { font-size: 13px; margin: 0 0 6px; }
.pop ol { margin: 0; padding: 0 0 0 18px; }
.pop li { margin: 6px 0; }
.pop li button { margin-left: 6px; border: 1px solid var(--accent); border-radius: 999px; background: transparent;
  color: var(--accent); padding: 1px 8px; }
.close { position: absolute; top: 4px; right: 6px; border: 0; background: transparent; color: var(--muted); }
`;

export function createPopover(
  doc: Document,
  suggestions: { responseId: string; text: string }[],
  onInsert: (text: string) => void,
): HTMLElement {
  const { el, root } = host(doc, 'reciprocity-popover', POPOVER_CSS);
  const pop = node(doc, 'div', {
    className: 'pop',
    attrs: { role: 'dialog', 'aria-label': 'Suggested replies' },
  });
  const close = node(doc, 'button', {
    className: 'close',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Close' },
  });
  close.addEventListener('click', () => el.remove());
  pop.append(close, node(doc, 'h2', { text: 'Suggested replies' }));
  const list = node(doc, 'ol');
  for (const s of suggestions) {
    const li = node(doc, 'li', { text: s.text });
    const insert = node(doc, 'button', { text: 'Insert', attrs: { type: 'button' } });
    insert.addEventListener('click', () => {
      onInsert(s.text);
      el.remove();
    });
    li.append(insert);
    list.append(li);
  }
  if (suggestions.length === 0) pop.append(node(doc, 'p', { text: 'No approved reply fits this one.' }));
  pop.append(list);
  root.append(pop);
  return el;
}
