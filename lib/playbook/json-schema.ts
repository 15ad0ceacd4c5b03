import * as z from 'zod';
import { PLAYBOOK_SCHEMA_ID, playbookSchema } from './schema';

/** Where editors find the schema: a playbook names it with `$schema` or a yaml-language-server comment. */
export const JSON_SCHEMA_FILE = 'assets/playbook.schema.json';

/**
 * The JSON Schema of the playbook as a manager writes it (defaults not yet applied), derived from the zod
 * schema so the two cannot drift apart. The output is stable text: same schema, same bytes.
 */
export function buildPlaybookJsonSchema(): string {
  const schema = z.toJSONSchema(playbookSchema, { io: 'input', target: 'draft-2020-12' });
  const doc = {
    ...schema,
    $id: 'https://reciprocity.app/schema/playbook-1.json',
    title: 'Reciprocity playbook',
    description: `The approved response script for Reciprocity (${PLAYBOOK_SCHEMA_ID}).`,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
