import * as z from 'zod';

/** The playbook format, version 1. This schema is the only source of the `Playbook` type. */

export const PLAYBOOK_SCHEMA_ID = 'reciprocity/playbook@1';

export const INTENTS = ['praise', 'question', 'complaint', 'request', 'spam', 'other'] as const;
export const intentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof intentSchema>;

/** The variables a variant may use. */
export const VARIABLES = [
  'first_name',
  'name',
  'handle',
  'brand',
  'agent_name',
  'agent_initials',
  'signoff',
] as const;
export type VariableName = (typeof VARIABLES)[number];

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-_]*$/, 'ids use lower-case letters, digits, "-" and "_"');
const line = z.string().trim().min(1).max(200);
const handle = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .transform((h) => h.replace(/^@/, ''));

export const offerSchema = z
  .object({
    id,
    label: line,
    maxPercent: z.number().min(0).max(100).optional(),
    allowedIntents: z.array(intentSchema).max(6).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type Offer = z.infer<typeof offerSchema>;

export const responseSchema = z
  .object({
    id,
    title: line,
    intents: z.array(intentSchema).min(1).max(6),
    triggers: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    channel: z.enum(['public', 'dm']).default('public'),
    /** Restrict a response to one site; both when absent. */
    platforms: z
      .array(z.enum(['x', 'facebook']))
      .min(1)
      .max(2)
      .optional(),
    offers: z.array(id).max(20).optional(),
    variants: z.array(z.string().max(5000)).min(1).max(50),
  })
  .strict();
export type Response = z.infer<typeof responseSchema>;

export const playbookSchema = z
  .object({
    $schema: z.string().max(500).optional(),
    schema: z.literal(PLAYBOOK_SCHEMA_ID),
    name: line,
    version: z.string().trim().min(1).max(50),
    brand: z
      .object({
        name: line,
        accounts: z
          .object({
            x: z.array(handle).max(50).default([]),
            facebook: z.array(line).max(50).default([]),
          })
          .strict()
          .default({ x: [], facebook: [] }),
        signoff: z.string().max(100).optional(),
      })
      .strict(),
    voice: z
      .object({
        promoThreshold: z.number().min(0).max(1).default(0.5),
        bannedPhrases: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
        privateDetails: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
      })
      .strict()
      .default({ promoThreshold: 0.5, bannedPhrases: [], privateDetails: [] }),
    offers: z.array(offerSchema).max(500).default([]),
    responses: z.array(responseSchema).min(1).max(5000),
  })
  .strict();

/** A validated playbook (defaults applied). */
export type Playbook = z.infer<typeof playbookSchema>;
/** A playbook as written by a manager (defaults not yet applied). */
export type PlaybookInput = z.input<typeof playbookSchema>;
