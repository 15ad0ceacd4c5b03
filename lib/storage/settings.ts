import * as z from 'zod';
import { defineStoredValue } from './define';

/** The person using the coach: their name and initials fill `{agent_name}` and `{agent_initials}`. */
export const agentSchema = z.object({
  name: z.string().trim().max(100).optional(),
  initials: z.string().trim().max(10).optional(),
});
export type Agent = z.infer<typeof agentSchema>;

/** null until the agent has answered the first-run question (then possibly `{}` if they skipped it). */
export const agentItem = defineStoredValue('local:settings.agent', agentSchema.nullable(), {
  fallback: null,
});

export const preferencesSchema = z.object({
  /** Show markers on unanswered items in the page. */
  markers: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesItem = defineStoredValue('local:settings.preferences', preferencesSchema, {
  fallback: { markers: true },
});
