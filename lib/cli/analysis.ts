/**
 * `classify`, `promo`, `suggest` and `check` over JSON Lines: one output line per input line, same `id`.
 * A malformed line gets an error line on stderr (with its id, or its line number) and the run goes on; the
 * exit code is 1 when any line failed, 2 for a usage error.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as z from 'zod';
import { check } from '../analysis/check';
import { classify } from '../analysis/classify';
import { promo } from '../analysis/promo';
import { createSuggester } from '../analysis/suggest';
import type { Platform } from '../analysis/types';
import { formatProblem, loadPlaybook } from '../playbook/load';
import type { Playbook } from '../playbook/schema';

const idSchema = z.union([z.string(), z.number()]);
const textLine = z.object({ id: idSchema, text: z.string() });
const suggestLine = textLine.extend({
  author: z.object({ name: z.string(), handle: z.string().optional() }).optional(),
});
const checkLine = textLine.extend({ replyTo: z.object({ text: z.string() }).optional() });

interface Args {
  command: string;
  input?: string;
  playbook?: string;
  k: number;
  platform: Platform;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const [command = '', ...rest] = argv;
  const args: Args = { command, k: 3, platform: 'x' };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    const need = () => {
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === '--in') args.input = need();
    else if (flag === '--playbook') args.playbook = need();
    else if (flag === '--k') {
      const k = Number(need());
      if (!Number.isInteger(k) || k < 1 || k > 50)
        throw new UsageError('--k must be a whole number from 1 to 50');
      args.k = k;
    } else if (flag === '--platform') {
      const p = need();
      if (p !== 'x' && p !== 'facebook') throw new UsageError('--platform must be x or facebook');
      args.platform = p;
    } else throw new UsageError(`unknown option ${flag}`);
  }
  return args;
}

export function loadPlaybookFile(path: string): Playbook {
  const loaded = loadPlaybook(readFileSync(path, 'utf8'));
  if (!loaded.ok)
    throw new Error(`${path}: invalid playbook\n${loaded.errors.map(formatProblem).join('\n')}`);
  return loaded.playbook;
}

type Handler = (line: unknown) => Record<string, unknown>;

function handlerFor(args: Args): Handler {
  const needPlaybook = () => {
    if (!args.playbook) throw new UsageError(`${args.command} needs --playbook FILE`);
    return loadPlaybookFile(args.playbook);
  };
  switch (args.command) {
    case 'classify':
      return (raw) => {
        const { id, text } = textLine.parse(raw);
        const c = classify(text);
        return {
          id,
          intent: c.intent,
          sentiment: c.sentiment,
          complaint: c.complaint,
          language: c.language,
          reasons: c.reasons,
        };
      };
    case 'promo': {
      const playbook = args.playbook ? loadPlaybookFile(args.playbook) : undefined;
      return (raw) => {
        const { id, text } = textLine.parse(raw);
        const r = promo(text, playbook);
        return {
          id,
          score: r.score,
          promotional: r.promotional,
          reasons: r.reasons.map(({ rule, text: t, start, end, tip }) => ({
            rule,
            text: t,
            start,
            end,
            tip,
          })),
        };
      };
    }
    case 'suggest': {
      const playbook = needPlaybook();
      const suggester = createSuggester(playbook);
      return (raw) => {
        const line = suggestLine.parse(raw);
        const found = suggester.suggest(line.text, {
          k: args.k,
          platform: args.platform,
          author: line.author,
        });
        return {
          id: line.id,
          suggestions: found.map((s) => ({
            responseId: s.responseId,
            text: s.text,
            score: s.score,
            missing: s.missing,
          })),
        };
      };
    }
    case 'check': {
      const playbook = needPlaybook();
      return (raw) => {
        const line = checkLine.parse(raw);
        const issues = check(line.text, { playbook, replyTo: line.replyTo, platform: args.platform });
        return { id: line.id, issues };
      };
    }
    default:
      throw new UsageError(`unknown analysis command "${args.command}"`);
  }
}

function describe(err: unknown): string {
  if (err instanceof z.ZodError) {
    return err.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
  }
  return err instanceof Error ? err.message : String(err);
}

export async function run(argv: string[]): Promise<number> {
  let args: Args;
  let handle: Handler;
  try {
    args = parseArgs(argv);
    handle = handlerFor(args);
  } catch (err) {
    process.stderr.write(`${describe(err)}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
  const input = args.input ? createReadStream(args.input, 'utf8') : process.stdin;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let failed = 0;
  for await (const text of lines) {
    lineNo++;
    if (text.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
      const out = handle(raw);
      if (!process.stdout.write(`${JSON.stringify(out)}\n`)) {
        await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
    } catch (err) {
      failed++;
      const id = idSchema.safeParse((raw as { id?: unknown } | null)?.id);
      const where = id.success ? { id: id.data, line: lineNo } : { line: lineNo };
      process.stderr.write(`${JSON.stringify({ ...where, error: describe(err) })}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
