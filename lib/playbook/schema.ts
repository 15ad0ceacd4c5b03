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
    maxPercent: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .meta({ description: 'The largest discount, in percent.' }),
    allowedIntents: z
      .array(intentSchema)
      .max(6)
      .optional()
      .meta({ description: 'When staff may make this offer. Without it, staff cannot tell.' }),
    note: z.string().max(1000).optional().meta({ description: 'Guidance for staff, shown with the offer.' }),
  })
  .strict();
export type Offer = z.infer<typeof offerSchema>;

export const responseSchema = z
  .object({
    id,
    title: line,
    intents: z.array(intentSchema).min(1).max(6),
    triggers: z
      .array(z.string().trim().min(1).max(100))
      .max(100)
      .default([])
      .meta({ description: 'Words or phrases in a comment that make this response a likely fit.' }),
    channel: z
      .enum(['public', 'dm'])
      .default('public')
      .meta({ description: 'public: a reply everyone sees; dm: a private message.' }),
    /** Restrict a response to one site; both when absent. */
    platforms: z
      .array(z.enum(['x', 'facebook']))
      .min(1)
      .max(2)
      .optional(),
    offers: z.array(id).max(20).optional().meta({ description: 'Ids of offers this response may include.' }),
    variants: z
      .array(z.string().max(5000))
      .min(1)
      .max(50)
      .meta({
        description: `Alternative wordings. Variables: ${VARIABLES.map((v) => `{${v}}`).join(' ')}`,
      }),
  })
  .strict();
export type Response = z.infer<typeof responseSchema>;

export const playbookSchema = z
  .object({
    $schema: z.string().max(500).optional(),
    schema: z.literal(PLAYBOOK_SCHEMA_ID).meta({ description: 'The playbook format; always this value.' }),
    name: line,
    version: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .meta({ description: 'Shown to staff when a new version arrives. Quote it: "2026.11.2".' }),
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
        signoff: z
          .string()
          .max(100)
          .optional()
          .meta({ description: 'Used for {signoff} in variants, for example "^{agent_initials}".' }),
      })
      .strict(),
    voice: z
      .object({
        promoThreshold: z
          .number()
          .min(0)
          .max(1)
          .default(0.5)
          .meta({ description: 'Drafts scoring above this (0 to 1) are flagged as promotion-heavy.' }),
        bannedPhrases: z
          .array(z.string().trim().min(1).max(200))
          .max(500)
          .default([])
          .meta({ description: 'Phrases staff must not use in replies.' }),
        privateDetails: z
          .array(z.string().trim().min(1).max(200))
          .max(200)
          .default([])
          .meta({ description: 'Details to ask for by private message, never in public.' }),
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
