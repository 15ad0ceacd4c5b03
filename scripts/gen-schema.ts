/**
 * Regenerates the playbook's JSON Schema from its zod schema: `npx tsx scripts/gen-schema.ts`.
 * A unit test fails while the shipped file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlaybookJsonSchema, JSON_SCHEMA_FILE } from '../lib/playbook/json-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, JSON_SCHEMA_FILE);
writeFileSync(target, buildPlaybookJsonSchema());
process.stdout.write(`wrote ${JSON_SCHEMA_FILE}\n`);
