/** Reads tables of short reports (CSV, TSV or JSON Lines) into records: RFC 4180 quoting for CSV. */
import { TruceError } from '../core/errors.js';

/** Parses delimited text with double-quote quoting (quoted fields may hold newlines). */
export function parseDelimited(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as objects keyed by the header row. */
export function parseTable(text: string, delimiter = ','): Record<string, string>[] {
  const [header, ...rows] = parseDelimited(text, delimiter);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export interface TextRecord {
  readonly id: string;
  readonly text: string;
}

const TEXT_FIELDS = ['text', 'notes', 'NOTES', 'snippet', 'EventSnippet', 'body'];
const ID_FIELDS = ['id', 'ID', 'data_id', 'event_id_cnty', 'EVENT_ID_CNTY'];

function pick(obj: Record<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (obj[n] !== undefined && obj[n] !== '') return obj[n];
  return undefined;
}

/** Reads id + text records; the format follows the file name (.jsonl, .tsv, otherwise CSV). */
export function readRecords(content: string, fileName: string): TextRecord[] {
  const objects: Record<string, unknown>[] = /\.jsonl?$/i.test(fileName)
    ? content
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : parseTable(content, /\.tsv$/i.test(fileName) ? '\t' : ',');
  return objects.map((o, i) => {
    const text = pick(o, TEXT_FIELDS);
    if (typeof text !== 'string')
      throw new TruceError('E007_BAD_OPTION', { option: fileName, reason: `record ${i + 1} has no text field` });
    const id = pick(o, ID_FIELDS);
    return { id: id === undefined ? String(i + 1) : String(id), text };
  });
}
