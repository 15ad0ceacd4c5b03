import * as z from 'zod';
import { playbookSchema } from './schema';

/** Where the active playbook came from, highest precedence first. */
export const PLAYBOOK_SOURCES = ['policy', 'url', 'file', 'sample'] as const;
export const playbookSourceSchema = z.enum(PLAYBOOK_SOURCES);
export type PlaybookSource = z.infer<typeof playbookSourceSchema>;

export const problemSchema = z.object({
  path: z.string().max(500),
  line: z.number().optional(),
  col: z.number().optional(),
  message: z.string().max(2000),
  severity: z.enum(['error', 'warning']),
  rule: z.string().max(100),
});

/** The playbook staff run on, with the exact text it was parsed from (so a signature can be re-checked). */
export const activePlaybookSchema = z.object({
  text: z.string().max(3 * 1024 * 1024),
  format: z.enum(['yaml', 'json']),
  playbook: playbookSchema,
  source: playbookSourceSchema,
  /** The URL or file name it came from. */
  location: z.string().max(2000).optional(),
  version: z.string(),
  activatedAt: z.number(),
  /** Its signature was checked against a pinned key. */
  verified: z.boolean(),
  /** HTTP validators for conditional refreshes; only sent while this playbook came from that same URL. */
  etag: z.string().max(500).optional(),
  lastModified: z.string().max(100).optional(),
});
export type ActivePlaybook = z.infer<typeof activePlaybookSchema>;

export const MIN_REFRESH_MINUTES = 5;
export const MAX_REFRESH_MINUTES = 7 * 24 * 60;
export const DEFAULT_REFRESH_MINUTES = 60;

export const subscriptionSchema = z.object({
  url: z.string().max(2000),
  /** Pinned at subscription time: every later version must be signed with it. */
  publicKey: z.string().max(200).optional(),
  refreshMinutes: z.number().int().min(MIN_REFRESH_MINUTES).max(MAX_REFRESH_MINUTES),
  /**
   * Accepted for older records; the validators in force live on the active playbook, which is the copy a
   * 304 refers to.
   */
  etag: z.string().max(500).optional(),
  lastModified: z.string().max(100).optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const playbookStatusSchema = z.object({
  /** Source and version of the active playbook. */
  source: playbookSourceSchema,
  location: z.string().max(2000).optional(),
  version: z.string().nullable(),
  /** When the active playbook was last fetched or imported. */
  fetchedAt: z.number().nullable(),
  /** When a remote source was last asked, whatever the answer. */
  lastCheckedAt: z.number().nullable(),
  lastError: z
    .object({
      source: playbookSourceSchema,
      location: z.string().max(2000).optional(),
      message: z.string().max(2000),
      problems: z.array(problemSchema).max(50),
      at: z.number(),
    })
    .nullable(),
});
export type PlaybookStatus = z.infer<typeof playbookStatusSchema>;

export const INITIAL_STATUS: PlaybookStatus = {
  source: 'sample',
  version: null,
  fetchedAt: null,
  lastCheckedAt: null,
  lastError: null,
};

const changeSetSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});

export const diffRecordSchema = z.object({
  diff: z.object({
    fromVersion: z.string().nullable(),
    toVersion: z.string(),
    responses: changeSetSchema,
    offers: changeSetSchema,
    voiceChanged: z.boolean(),
    brandChanged: z.boolean(),
  }),
  summary: z.string(),
  at: z.number(),
});
export type DiffRecord = z.infer<typeof diffRecordSchema>;

/**
 * Settings an administrator deploys with enterprise policy (`storage.managed`). Each field is read on its own
 * so one mistyped field does not throw away the rest.
 */
export const managedPolicySchema = z.object({
  playbookUrl: z.string().max(2000).optional().catch(undefined),
  playbook: z
    .string()
    .max(3 * 1024 * 1024)
    .optional()
    .catch(undefined),
  playbookSignature: z.string().max(200).optional().catch(undefined),
  publicKey: z.string().max(200).optional().catch(undefined),
  refreshMinutes: z.number().optional().catch(undefined),
  lockSource: z.boolean().optional().catch(undefined),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
