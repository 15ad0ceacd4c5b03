import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { type Playbook, playbookSchema } from '../../../lib/playbook/schema';

export function fixturePlaybook(name = 'coffee.yaml'): Playbook {
  const text = readFileSync(join(process.cwd(), 'tests/unit/analysis/fixtures', name), 'utf8');
  return playbookSchema.parse(YAML.parse(text));
}

/** The text an issue or reason points at. */
export function spanText(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
