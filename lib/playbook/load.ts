import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type * as z from 'zod';
import { lintPlaybook } from './lint';
import { formatPath, type Locator, type PathSegment, type Problem } from './problems';
import { type Playbook, playbookSchema } from './schema';

export { formatPath, formatProblem, type Locator, type PathSegment, type Problem } from './problems';

export type PlaybookFormat = 'yaml' | 'json';

export type LoadResult =
  | {
      ok: true;
      playbook: Playbook;
      warnings: Problem[];
      /** The parsed YAML document, kept so an editor can change it without losing comments or order. */
      document?: unknown;
      format: PlaybookFormat;
    }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/** Limits that keep a hostile or runaway file from freezing the browser. */
export const LIMITS = {
  bytes: 2 * 1024 * 1024,
  responses: 5000,
  /** A valid playbook is five levels deep; anything far deeper is not a playbook. */
  depth: 24,
  aliases: 100,
} as const;

/** Keys that could reach an object's prototype if a consumer ever copied the parsed value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const count = (n: number): string => n.toLocaleString('en-US');

function makeLocator(doc: Document, lines: LineCounter): Locator {
  return (path, opts) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      let offset: number | undefined;
      if (opts?.key && depth === path.length && depth > 0) {
        const parent = sub.length === 1 ? doc.contents : doc.getIn(sub.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === sub[sub.length - 1]);
          if (pair && isScalar(pair.key)) offset = pair.key.range?.[0];
        }
      }
      if (offset === undefined) {
        const node = depth === 0 ? doc.contents : doc.getIn(sub, true);
        if (node && typeof node === 'object' && 'range' in node) {
          offset = (node as Node).range?.[0];
        }
      }
      if (offset !== undefined) {
        const pos = lines.linePos(offset);
        return { line: pos.line, col: pos.col };
      }
    }
    return {};
  };
}

/** Walks the syntax tree depth first: rejects prototype keys and absurd nesting before building objects. */
function checkTree(doc: Document, locate: Locator): Problem[] {
  const problems: Problem[] = [];
  const stack: { node: unknown; depth: number; path: PathSegment[] }[] = [
    { node: doc.contents, depth: 0, path: [] },
  ];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as (typeof stack)[number];
    if (depth > LIMITS.depth) {
      problems.push({
        path: formatPath(path),
        ...locate(path),
        message: `nested more than ${LIMITS.depth} levels deep; a playbook is only a few levels deep`,
        severity: 'error',
        rule: 'too-deep',
      });
      // One report is enough: the rest of a runaway tree says the same thing.
      return problems;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!isScalar(pair.key)) {
          problems.push({
            path: formatPath(path),
            ...locate(path),
            message: 'keys must be plain text',
            severity: 'error',
            rule: 'complex-key',
          });
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({
            path: formatPath([...path, key]),
            ...locate([...path, key], { key: true }),
            message: `the key "${key}" is not allowed`,
            severity: 'error',
            rule: 'forbidden-key',
          });
          continue;
        }
        stack.push({ node: pair.value, depth: depth + 1, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        stack.push({ node: item, depth: depth + 1, path: [...path, i] });
      });
    }
  }
  return problems;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof seg === 'symbol' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a map of fields',
  boolean: 'true or false',
};

/** Turns zod's issues into messages a manager can act on, placed at the offending line. */
function schemaProblems(error: z.ZodError, data: unknown, locate: Locator): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    const value = valueAt(data, path);
    const base = { severity: 'error' as const, rule: `schema.${issue.code}` };
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push({
            ...base,
            path: formatPath([...path, key]),
            ...locate([...path, key], { key: true }),
            message: `unknown field "${key}"`,
          });
        }
        continue;
      case 'invalid_type': {
        const last = path[path.length - 1];
        let message: string;
        if (value === undefined) {
          message = typeof last === 'string' ? `missing required field "${last}"` : 'missing value';
        } else {
          message = `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(value)}`;
          if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
            message += ' (put it in quotes)';
          }
        }
        problems.push({ ...base, path: formatPath(path), ...locate(path), message });
        continue;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        let message = issue.message;
        if (issue.origin === 'array' && Array.isArray(value)) {
          const what = path.length === 1 && path[0] === 'responses' ? 'responses' : 'items';
          message = `too many ${what}: ${count(value.length)} (the limit is ${count(max)})`;
        } else if (issue.origin === 'string' && typeof value === 'string') {
          message = `too long: ${count(value.length)} characters (the limit is ${count(max)})`;
        } else if (issue.origin === 'number') {
          message = `must be at most ${max}`;
        }
        problems.push({ ...base, path: formatPath(path), ...locate(path), message });
        continue;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        let message = issue.message;
        if (issue.origin === 'array') message = `needs at least ${min} item${min === 1 ? '' : 's'}`;
        else if (issue.origin === 'string') message = min <= 1 ? 'must not be empty' : `too short`;
        else if (issue.origin === 'number') message = `must be at least ${min}`;
        problems.push({ ...base, path: formatPath(path), ...locate(path), message });
        continue;
      }
      case 'invalid_value': {
        if (value === undefined) {
          const last = path[path.length - 1];
          problems.push({
            ...base,
            path: formatPath(path),
            ...locate(path),
            message: typeof last === 'string' ? `missing required field "${last}"` : 'missing value',
          });
          continue;
        }
        const allowed = issue.values.map((v) => JSON.stringify(v));
        const message =
          allowed.length === 1
            ? `must be ${allowed[0]}, got ${describe(value)}`
            : `must be one of ${allowed.join(', ')}, got ${describe(value)}`;
        problems.push({ ...base, path: formatPath(path), ...locate(path), message });
        continue;
      }
      default:
        problems.push({ ...base, path: formatPath(path), ...locate(path), message: issue.message });
    }
  }
  return problems;
}

/**
 * Bracket depth, counted without regard to quotes. Only used as a generous pre-check: the parser recurses per
 * level, and a megabyte of "[" would otherwise take seconds to fail.
 */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return max;
}

function tooDeepProblem(): Problem {
  return {
    path: '',
    message: 'the file is nested far too deeply to be a playbook',
    severity: 'error',
    rule: 'too-deep',
  };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function detectFormat(text: string): PlaybookFormat {
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export interface ParsedSource {
  doc: Document;
  locate: Locator;
  format: PlaybookFormat;
}

/**
 * Parses YAML or JSON into a document (YAML 1.2 is a superset of JSON, so one parser gives line numbers for
 * both). Returns problems instead of throwing, whatever the input.
 */
export function parseSource(
  text: string,
  opts: { format?: PlaybookFormat } = {},
): { ok: true; source: ParsedSource } | { ok: false; errors: Problem[] } {
  const size = byteLength(text);
  if (size > LIMITS.bytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `the file is ${mb(size)}; a playbook may be at most ${mb(LIMITS.bytes)}`,
          severity: 'error',
          rule: 'too-large',
        },
      ],
    };
  }
  if (text.trim() === '') {
    return {
      ok: false,
      errors: [{ path: '', message: 'the file is empty', severity: 'error', rule: 'empty' }],
    };
  }
  if (flowDepth(text) > 1000) return { ok: false, errors: [tooDeepProblem()] };
  const format = opts.format ?? detectFormat(text);
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: true,
      strict: true,
    });
  } catch (err) {
    // The parser recurses on nested collections; a stack overflow means absurd nesting, not a bug.
    if (err instanceof RangeError) return { ok: false, errors: [tooDeepProblem()] };
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `the file could not be read: ${err instanceof Error ? err.message : String(err)}`,
          severity: 'error',
          rule: 'syntax',
        },
      ],
    };
  }
  if (doc.errors.some((e) => /call stack/i.test(e.message))) return { ok: false, errors: [tooDeepProblem()] };
  if (doc.errors.length > 0) {
    const what = format === 'json' ? 'JSON' : 'YAML';
    return {
      ok: false,
      errors: doc.errors.slice(0, 20).map((e) => {
        const pos = e.linePos?.[0];
        const first = e.message.split('\n')[0] ?? e.message;
        // The parser's message repeats the position; the problem already carries it.
        const message = first.replace(/ at line \d+, column \d+:?$/, '');
        return {
          path: '',
          ...(pos ? { line: pos.line, col: pos.col } : {}),
          message: `invalid ${what}: ${message}`,
          severity: 'error' as const,
          rule: 'syntax',
        };
      }),
    };
  }
  return { ok: true, source: { doc, locate: makeLocator(doc, lines), format } };
}

/** Parses, validates and lints a playbook. Never throws; each problem names its path and line when known. */
export function loadPlaybook(text: string, opts: { format?: PlaybookFormat } = {}): LoadResult {
  const parsed = parseSource(text, opts);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const { doc, locate, format } = parsed.source;
  const treeProblems = checkTree(doc, locate);
  if (treeProblems.length > 0) return { ok: false, errors: treeProblems, warnings: [] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const aliases = /alias/i.test(message);
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: aliases
            ? `too many aliases (*anchor references); at most ${LIMITS.aliases} are allowed`
            : `the file could not be read: ${message}`,
          severity: 'error',
          rule: aliases ? 'too-many-aliases' : 'syntax',
        },
      ],
      warnings: [],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          ...locate([]),
          message: `a playbook is a map of fields (schema, name, version, …), got ${describe(data)}`,
          severity: 'error',
          rule: 'schema.invalid_type',
        },
      ],
      warnings: [],
    };
  }
  const res = playbookSchema.safeParse(data);
  if (!res.success) {
    return { ok: false, errors: schemaProblems(res.error, data, locate), warnings: [] };
  }
  const lint = lintPlaybook(res.data, locate);
  const errors = lint.filter((p) => p.severity === 'error');
  const warnings = lint.filter((p) => p.severity === 'warning');
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, playbook: res.data, warnings, document: doc, format };
}
