/**
 * Loads a YAML or JSON data file and validates it with a zod schema. Errors name the file,
 * the line and the field, so a curator can fix the entry without reading code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { TruceError } from './errors.js';

/** The repository's `data/` folder. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

/** Parses YAML text and validates it; `name` is used in error messages. */
export function parseDataText<S extends z.ZodType>(text: string, schema: S, name: string): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    // Errors carry character offsets; the line counter turns them into a line and a column.
    const pos = syntax.linePos?.[0] ?? lineCounter.linePos(syntax.pos[0]);
    const where = `line ${pos.line}, column ${pos.col}`;
    throw new TruceError('E009_DATA_FILE', { file: name, reason: `YAML syntax error at ${where}: ${syntax.code}` });
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String);
  // Walk up the path until a node with a source range is found, to report its line.
  let line: number | null = null;
  for (let depth = path.length; depth >= 0 && line === null; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const field = path.length ? path.join('.') : '(top level)';
  throw new TruceError('E009_DATA_FILE', {
    file: name,
    reason: `${line === null ? '' : `line ${line}, `}field ${field}: ${issue.message}`,
  });
}

/** Reads and validates a file under `data/` (or an absolute path). */
export function loadDataFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  const full = path.startsWith('/') ? path : dataPath(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    throw new TruceError('E009_DATA_FILE', { file: full, reason: (err as Error).message });
  }
  return parseDataText(text, schema, full);
}
