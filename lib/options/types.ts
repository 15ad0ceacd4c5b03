import type { PlaybookFormat, Problem } from '../playbook/load';
import type {
  DiffRecord,
  ManagedPolicy,
  PlaybookSource,
  PlaybookStatus,
  Subscription,
} from '../playbook/state';

/** Everything the options page shows about the playbook, read in one go. */
export interface OptionsState {
  active: {
    name: string;
    version: string;
    source: PlaybookSource;
    location?: string;
    activatedAt: number | null;
    verified: boolean;
    responses: number;
    /** The exact text, so the editor opens the manager's own file with its comments. */
    text: string;
    format: PlaybookFormat;
  };
  status: PlaybookStatus;
  subscription: Subscription | null;
  policy: ManagedPolicy;
  /** Policy decides the source: local controls are read-only. */
  locked: boolean;
  lastDiff: DiffRecord | null;
}

export type ActionResult =
  | { ok: true; message: string }
  | { ok: false; message: string; problems?: Problem[] };

export interface SubscriptionInput {
  url: string;
  publicKey?: string;
  refreshMinutes: number;
}

/**
 * What the options page can do. The browser-backed version lives in `lib/options/api.ts`; component tests
 * pass an in-memory one.
 */
export interface OptionsApi {
  load(): Promise<OptionsState>;
  /** Calls back whenever stored playbook state changes (another tab, the background's refresh). */
  watch(listener: (state: OptionsState) => void): () => void;
  importFile(file: { name: string; text: string; signature?: string }): Promise<ActionResult>;
  /**
   * Must be called straight from a click or submit handler: it asks for the host permission, which browsers
   * only allow during a user gesture.
   */
  subscribe(input: SubscriptionInput): Promise<ActionResult>;
  unsubscribe(): Promise<ActionResult>;
  refreshNow(): Promise<ActionResult>;
  /** Offers a file to the user (a download). */
  saveFile(name: string, text: string, mime: string): void;
}
