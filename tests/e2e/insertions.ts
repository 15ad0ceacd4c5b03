import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';

/** A small deterministic PRNG so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'hi',
  'thanks',
  'order',
  'coffee',
  'sorry',
  'ça',
  'va',
  'latte',
  '☕',
  '🙏',
  'Maya',
  'refund',
  '#42',
  "we'll",
];
const SUGGESTIONS = [
  'Thank you so much, we really appreciate it!',
  'So sorry for the wait. Could you DM us your order number?',
  'Hi there,\nthanks for flagging this.\nWe are on it.',
  'Hi Ana,\n\nthat should not have happened. A DM is on its way.\n\n^CJW',
  'Glad you liked it 😊',
];

export interface InsertionFailure {
  run: number;
  before: string;
  caret: number;
  suggestion: string;
  after: string;
  result: unknown;
}

/**
 * Type random text into a real editor, put the caret somewhere random, insert a random (single- or multi-line)
 * suggestion through the extension's real path (background → content script → page-world bridge), and check
 * that the result is the user's text with the suggestion at the caret, exactly once. Whitespace at the seams
 * may differ (a separating space); nothing else may.
 */
export async function randomInsertions(
  h: Harness,
  page: Page,
  editor: Locator,
  opts: { runs: number; seed: number },
): Promise<InsertionFailure[]> {
  const rand = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const tabId = await h.tabIdOf(page);
  const failures: InsertionFailure[] = [];
  const squash = (s: string): string => s.replace(/\s+/g, '');
  for (let run = 0; run < opts.runs; run++) {
    // Focus rather than click: the caret is placed with the keyboard below, and a click waits for layout.
    await editor.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const lines = Array.from({ length: rand() < 0.7 ? 1 : 2 }, () =>
      Array.from({ length: Math.floor(rand() * 5) }, () => pick(WORDS)).join(' '),
    );
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.keyboard.press(page.url().includes('facebook') ? 'Shift+Enter' : 'Enter');
      if (line) await page.keyboard.insertText(line);
    }
    const before = lines.join('\n');
    // Caret: an offset in the plain text, reached from the start with arrow keys (a line break is one step).
    const caret = Math.floor(rand() * ([...before].length + 1));
    // From whichever end is nearer, to keep the run short.
    const length = [...before].length;
    if (caret <= length / 2) {
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < caret; i++) await page.keyboard.press('ArrowRight');
    } else {
      await page.keyboard.press('Control+End');
      for (let i = caret; i < length; i++) await page.keyboard.press('ArrowLeft');
    }
    const suggestion = pick(SUGGESTIONS);
    const result = await h.ask('insert', {
      tabId,
      itemId: null,
      text: suggestion,
      responseId: null,
      suggestedText: null,
    });
    const after = await editor.evaluate((el) => {
      const blocks = el.querySelectorAll('[data-block="true"]');
      if (blocks.length > 0) return [...blocks].map((b) => b.textContent ?? '').join('\n');
      return (el as HTMLElement).innerText;
    });
    // Arrow keys step over code points (an emoji is one step), so the caret offset counts code points.
    const codepoints = [...before];
    const expected = codepoints.slice(0, caret).join('') + suggestion + codepoints.slice(caret).join('');
    const ok =
      (result as { ok: boolean }).ok &&
      squash(after) === squash(expected) &&
      suggestion.split('\n').every((line) => after.includes(line.trim()));
    if (!ok) failures.push({ run, before, caret, suggestion, after, result });
    if (failures.length >= 5) break;
  }
  return failures;
}
