/** Writes docs/agreement.schema.json from the zod schema: `npx tsx src/terms/write-json-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AgreementSchema } from './agreement.schema.js';

export const JSON_SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/agreement.schema.json');

export function agreementJsonSchema(): string {
  const schema = z.toJSONSchema(AgreementSchema, { io: 'input', unrepresentable: 'any' });
  const published = {
    ...schema,
    title: 'Truce Monitor agreement file',
    description:
      'Generated from src/terms/agreement.schema.ts; do not edit by hand. Cross-references (party, zone, source ids) are checked by `truce agreement check`.',
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(JSON_SCHEMA_PATH, agreementJsonSchema());
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
