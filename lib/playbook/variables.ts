import { VARIABLES, type VariableName } from './schema';

/** `{first_name}`: lower-case letters, digits and underscores between braces. */
const VARIABLE = /\{([a-z_][a-z0-9_]*)\}/g;

export interface VariableUse {
  name: string;
  /** Offsets of `{name}` in the text, braces included. */
  start: number;
  end: number;
  known: boolean;
}

export function isKnownVariable(name: string): name is VariableName {
  return (VARIABLES as readonly string[]).includes(name);
}

/** Every `{variable}` in a variant, known or not, in order. */
export function findVariables(text: string): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const name = m[1] ?? '';
    uses.push({ name, start: m.index, end: m.index + m[0].length, known: isKnownVariable(name) });
  }
  return uses;
}

export type VariableValues = Partial<Record<VariableName, string>>;

export interface FilledText {
  text: string;
  /** Variables that had no value; they are left in the text as `{name}` so a gap is never posted. */
  missing: VariableName[];
  /** Variables the playbook does not know; also left in place. */
  unknown: string[];
  /** Where each filled or missing variable ended up in `text`, for highlighting. */
  spans: { name: string; start: number; end: number; filled: boolean }[];
}

/**
 * Fill the variables of a variant. Values are plain text; `{signoff}` may itself contain variables (the
 * brand's sign-off is "^{agent_initials}"), which are filled once, not recursively beyond that. Whitespace
 * left around an empty value at the end of the text is trimmed.
 */
export function fillVariables(template: string, values: VariableValues): FilledText {
  const missing = new Set<VariableName>();
  const unknown = new Set<string>();
  const spans: FilledText['spans'] = [];
  let out = '';
  let last = 0;
  for (const use of findVariables(template)) {
    out += template.slice(last, use.start);
    last = use.end;
    if (!use.known) {
      unknown.add(use.name);
      spans.push({ name: use.name, start: out.length, end: out.length + use.end - use.start, filled: false });
      out += `{${use.name}}`;
      continue;
    }
    const name = use.name as VariableName;
    let value = values[name];
    if (name === 'signoff' && value !== undefined && value.includes('{')) {
      const inner = fillVariables(value.replace(/\{signoff\}/g, ''), values);
      for (const m of inner.missing) missing.add(m);
      value = inner.missing.length > 0 ? undefined : inner.text;
    }
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      spans.push({ name, start: out.length, end: out.length + name.length + 2, filled: false });
      out += `{${name}}`;
    } else {
      spans.push({ name, start: out.length, end: out.length + value.length, filled: true });
      out += value;
    }
  }
  out += template.slice(last);
  return { text: out, missing: [...missing], unknown: [...unknown], spans };
}

/** "Maria José Alvarez" → "Maria"; "@maria_j" → "maria_j"; handles emoji-only or empty names. */
export function firstName(displayName: string): string {
  const cleaned = displayName
    .replace(/^@/, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, '')
    .trim();
  const first = cleaned.split(/\s+/)[0] ?? '';
  return first;
}

/**
 * Realistic long values, used by the linter to check that a filled variant still fits X's limit: names at the
 * long end of what people use, not the average.
 */
export const LONG_SAMPLE_VALUES: Record<VariableName, string> = {
  first_name: 'Maximiliana',
  name: 'Maximiliana Featherstonehaugh',
  handle: '@maximiliana_f_h',
  brand: 'Acme Coffee Roasters',
  agent_name: 'Christopher',
  agent_initials: 'CJW',
  signoff: '^CJW',
};
