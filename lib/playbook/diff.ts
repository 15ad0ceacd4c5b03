import type { Playbook } from './schema';

export interface ChangeSet {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface PlaybookDiff {
  fromVersion: string | null;
  toVersion: string;
  responses: ChangeSet;
  offers: ChangeSet;
  /** Voice rules (banned phrases, private details, threshold) or brand details changed. */
  voiceChanged: boolean;
  brandChanged: boolean;
}

/** JSON with sorted keys, so two equal values compare equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

function compare<T extends { id: string }>(before: readonly T[], after: readonly T[]): ChangeSet {
  const old = new Map(before.map((x) => [x.id, canonical(x)]));
  const next = new Map(after.map((x) => [x.id, canonical(x)]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, text] of next) {
    const prev = old.get(id);
    if (prev === undefined) added.push(id);
    else if (prev !== text) changed.push(id);
  }
  const removed = [...old.keys()].filter((id) => !next.has(id));
  return { added, changed, removed };
}

/** What a new playbook changes, by id. With no previous playbook, everything counts as added. */
export function diffPlaybooks(old: Playbook | null, next: Playbook): PlaybookDiff {
  return {
    fromVersion: old?.version ?? null,
    toVersion: next.version,
    responses: compare(old?.responses ?? [], next.responses),
    offers: compare(old?.offers ?? [], next.offers),
    voiceChanged: old !== null && canonical(old.voice) !== canonical(next.voice),
    brandChanged: old !== null && canonical(old.brand) !== canonical(next.brand),
  };
}

export function isEmptyDiff(diff: PlaybookDiff): boolean {
  const none = (c: ChangeSet) => c.added.length + c.changed.length + c.removed.length === 0;
  return none(diff.responses) && none(diff.offers) && !diff.voiceChanged && !diff.brandChanged;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Playbook updated to 2026.11.2: 3 new replies, 1 changed" */
export function summarizeDiff(diff: PlaybookDiff): string {
  const parts: string[] = [];
  const r = diff.responses;
  if (r.added.length > 0) parts.push(plural(r.added.length, 'new reply', 'new replies'));
  if (r.changed.length > 0) parts.push(`${r.changed.length} changed`);
  if (r.removed.length > 0) parts.push(`${r.removed.length} removed`);
  const o = diff.offers;
  const offerChanges = o.added.length + o.changed.length + o.removed.length;
  if (offerChanges > 0) parts.push(plural(offerChanges, 'offer change', 'offer changes'));
  if (diff.voiceChanged) parts.push('voice rules changed');
  if (diff.brandChanged) parts.push('brand details changed');
  const head = `Playbook updated to ${diff.toVersion}`;
  return parts.length === 0 ? `${head}: no changes to replies` : `${head}: ${parts.join(', ')}`;
}
