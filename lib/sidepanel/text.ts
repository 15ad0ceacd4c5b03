import type { Agent } from './types';

/** Text shaping for suggestions: filling the agent's own variables and marking what is still missing. */

/**
 * The `{variable}` syntax of `lib/playbook/variables.ts`. Matched here rather than imported because that module
 * pulls in the full playbook schema and zod with it: about 11 KB gzipped more on the panel's first load.
 */
const VARIABLE = /\{([a-z_][a-z0-9_]*)\}/g;

function findVariables(text: string): { name: string; start: number; end: number }[] {
  return [...text.matchAll(VARIABLE)].map((m) => ({
    name: m[1] ?? '',
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Fill `{agent_name}` and `{agent_initials}` left in a suggestion, e.g. when the agent typed their name after
 * the suggestion arrived. Every other variable is left exactly as it was.
 */
export function fillAgent(text: string, agent: Agent | null): string {
  if (!agent) return text;
  const values = {
    agent_name: agent.name?.trim() || undefined,
    agent_initials: agent.initials?.trim() || undefined,
  };
  let out = '';
  let last = 0;
  for (const use of findVariables(text)) {
    if (use.name !== 'agent_name' && use.name !== 'agent_initials') continue;
    const value = values[use.name];
    if (!value) continue;
    out += text.slice(last, use.start) + value;
    last = use.end;
  }
  return out + text.slice(last);
}

/** Variables still in the text, by name, in order of first appearance. */
export function missingVariables(text: string): string[] {
  return [...new Set(findVariables(text).map((v) => v.name))];
}

export interface Segment {
  text: string;
  /** Index of the range this segment belongs to, or null for plain text. */
  mark: number | null;
}

/**
 * Cut a text into plain and marked segments. Ranges may overlap or run past the end (a stale report); the
 * first range that covers a character wins, and out-of-bounds parts are ignored.
 */
export function segment(text: string, ranges: readonly { start: number; end: number }[]): Segment[] {
  const owner: (number | null)[] = new Array(text.length).fill(null);
  ranges.forEach((r, i) => {
    const start = Math.max(0, r.start);
    const end = Math.min(text.length, r.end);
    for (let c = start; c < end; c++) if (owner[c] === null) owner[c] = i;
  });
  const out: Segment[] = [];
  let from = 0;
  for (let c = 1; c <= text.length; c++) {
    if (c === text.length || owner[c] !== owner[from]) {
      out.push({ text: text.slice(from, c), mark: owner[from] ?? null });
      from = c;
    }
  }
  return out;
}

/** Ranges of every `{variable}` left in a text. */
export function variableRanges(text: string): { start: number; end: number }[] {
  return findVariables(text).map((v) => ({ start: v.start, end: v.end }));
}
