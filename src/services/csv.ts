/** CSV fields for every export: RFC 4180 quoting, with spreadsheet-formula defusing where asked. */

export interface CsvOptions {
  /**
   * Prefix text starting with = + - @ (or a tab/CR) with ' so spreadsheets do not run it. Off for
   * ACLED exports, which must import back byte-for-byte.
   */
  readonly defuseFormulas?: boolean;
}

/** A field with a comma, quote, line break or edge space is quoted, its quotes doubled. */
export function csvField(value: unknown, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (options.defuseFormulas && typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}
