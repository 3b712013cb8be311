/**
 * The CSV reader of dataset imports (issue 3): RFC 4180 records (a quoted field may hold the
 * delimiter, "" for a quote, and line breaks), `\n` or `\r\n` between records, a leading BOM
 * dropped, empty lines skipped, any number of fields per record; or, for GDELT, tab-separated text
 * where a quote is an ordinary character. It replaces csv-parse on the import path, which took about
 * 15 s of CPU for a 1 M-row ACLED file: here delimiters, quotes and line ends are found with
 * `indexOf` (native string search) and fields are sliced out of the chunk, not built a character at
 * a time. csv-parse stays the reference in csv-reader.test.ts.
 *
 * Chunks are pushed as they are read; a record cut by a chunk boundary waits for the next chunk. A
 * malformed record (a quote inside an unquoted field, text after a closing quote, a quote never
 * closed) is reported with its first line and reason, and reading goes on at the next line.
 */

export interface CsvDialect {
  /** One character: ',' or '\t'. */
  readonly delimiter: string;
  /** False: quotes are ordinary characters (GDELT). */
  readonly quoted: boolean;
}

/** `line` is the line on which the record starts (1-based, header included). */
export type CsvRecordHandler = (fields: string[], line: number) => void;
export type CsvProblemHandler = (line: number, reason: string) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A record still open after this many characters is given up (a quote never closed, most likely). */
export const MAX_RECORD_CHARS = 1 << 20;
/** Returned by readRecord when the record runs past the end of the chunks read so far. */
const INCOMPLETE = -1;

export class CsvReader {
  private buf = '';
  /** Line number of buf[0]. */
  private line = 1;
  private started = false;
  /** After a record too long to keep: drop text up to the next line break. */
  private skipping = false;
  private readonly delim: string;
  private readonly delimCode: number;
  // Next '\n', delimiter and quote at or after the last position asked for (-1: none in buf).
  private nl = -1;
  private dl = -1;
  private qt = -1;

  constructor(
    private readonly dialect: CsvDialect,
    private readonly onRecord: CsvRecordHandler,
    private readonly onProblem: CsvProblemHandler,
  ) {
    if (dialect.delimiter.length !== 1) throw new Error('the CSV delimiter must be one character');
    this.delim = dialect.delimiter;
    this.delimCode = dialect.delimiter.charCodeAt(0);
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    this.consume(false);
  }

  /** The end of the input: the last record needs no line break. */
  end(): void {
    this.consume(true);
    this.buf = '';
  }

  private consume(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let p = 0;
    // Positions are into this buf; -2 (below any position) means "not searched yet".
    this.nl = this.dl = this.qt = -2;
    if (this.skipping) {
      const eol = buf.indexOf('\n');
      if (eol < 0) {
        this.buf = '';
        return;
      }
      this.skipping = false;
      this.line++;
      p = eol + 1;
    }
    while (p < n) {
      const line = this.line;
      const next = this.readRecord(buf, p, final);
      if (next !== INCOMPLETE) {
        p = next;
        continue;
      }
      this.line = line;
      if (n - p <= MAX_RECORD_CHARS) break;
      // Too long to be a record: report it and go on after its first line.
      this.onProblem(line, `a record longer than ${MAX_RECORD_CHARS} characters (a quote not closed?)`);
      const eol = buf.indexOf('\n', p);
      if (eol < 0) {
        this.skipping = true;
        p = n;
        break;
      }
      this.line = line + 1;
      p = eol + 1;
    }
    this.buf = p >= n ? '' : buf.slice(p);
  }

  private nextNl(buf: string, p: number): number {
    if (this.nl !== -1 && this.nl < p) this.nl = buf.indexOf('\n', p);
    return this.nl;
  }

  private nextDelim(buf: string, p: number): number {
    if (this.dl !== -1 && this.dl < p) this.dl = buf.indexOf(this.delim, p);
    return this.dl;
  }

  private nextQuote(buf: string, p: number): number {
    if (this.qt !== -1 && this.qt < p) this.qt = buf.indexOf('"', p);
    return this.qt;
  }

  /** Reads the record starting at p; returns the position after it, or INCOMPLETE. */
  private readRecord(buf: string, start: number, final: boolean): number {
    const n = buf.length;
    const line = this.line;
    const fields: string[] = [];
    let breaks = 0; // line breaks inside quoted fields
    let p = start;
    for (;;) {
      if (this.dialect.quoted && p < n && buf.charCodeAt(p) === QUOTE) {
        let q = p + 1;
        let value = '';
        for (;;) {
          const e = buf.indexOf('"', q);
          // Unclosed so far, or a quote last in the chunk (it may be the first of "").
          if (e < 0 || (e + 1 === n && !final)) {
            if (!final) return INCOMPLETE;
            this.onProblem(line, 'a quoted field is not closed before the end of the file');
            this.line = line + breaks + countBreaks(buf, p, n);
            return n;
          }
          if (e + 1 < n && buf.charCodeAt(e + 1) === QUOTE) {
            value += buf.slice(q, e + 1);
            q = e + 2;
            continue;
          }
          value += buf.slice(q, e);
          const nl = this.nextNl(buf, p);
          if (nl !== -1 && nl < e) breaks += countBreaks(buf, nl, e);
          p = e + 1;
          break;
        }
        fields.push(value);
        if (p >= n) {
          if (!final) return INCOMPLETE;
          return this.finish(fields, line, breaks, n);
        }
        const c = buf.charCodeAt(p);
        if (c === this.delimCode) {
          p++;
          continue;
        }
        if (c === LF) return this.finish(fields, line, breaks, p + 1);
        if (c === CR) {
          if (p + 1 >= n) return final ? this.finish(fields, line, breaks, n) : INCOMPLETE;
          if (buf.charCodeAt(p + 1) === LF) return this.finish(fields, line, breaks, p + 2);
        }
        return this.skipLine(buf, p, final, line, breaks, `text after the closing quote of field ${fields.length}`);
      }
      let eol = this.nextNl(buf, p);
      if (eol < 0) {
        if (!final) return INCOMPLETE;
        eol = n;
      }
      let end = this.nextDelim(buf, p);
      if (end < 0 || end > eol) end = eol;
      if (this.dialect.quoted) {
        const quote = this.nextQuote(buf, p);
        if (quote !== -1 && quote < end)
          return this.skipLine(buf, p, final, line, breaks, `a quote inside unquoted field ${fields.length + 1}`);
      }
      if (end < eol) {
        fields.push(buf.slice(p, end));
        p = end + 1;
        continue;
      }
      // The last field: a CR before the LF belongs to the line break.
      const last = end > p && buf.charCodeAt(end - 1) === CR ? end - 1 : end;
      // An empty line is skipped (a lone "" field, by contrast, is a record).
      if (fields.length === 0 && last === p) {
        this.line = line + 1;
        return eol + 1;
      }
      fields.push(buf.slice(p, last));
      return this.finish(fields, line, breaks, eol + 1);
    }
  }

  private finish(fields: string[], line: number, breaks: number, next: number): number {
    this.line = line + breaks + 1;
    this.onRecord(fields, line);
    return next;
  }

  /** Reports the record as malformed and resumes after the line break that follows p. */
  private skipLine(buf: string, p: number, final: boolean, line: number, breaks: number, reason: string): number {
    const eol = this.nextNl(buf, p);
    if (eol < 0 && !final) return INCOMPLETE;
    this.onProblem(line, reason);
    this.line = line + breaks + 1;
    return eol < 0 ? buf.length : eol + 1;
  }
}

/** Line breaks ('\n') in buf[from, to). */
function countBreaks(buf: string, from: number, to: number): number {
  let count = 0;
  for (let i = buf.indexOf('\n', from); i !== -1 && i < to; i = buf.indexOf('\n', i + 1)) count++;
  return count;
}
