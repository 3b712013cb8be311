/**
 * The one catalogue of errors a user can meet. Each has a stable code to search for,
 * a message template and the HTTP status the server will answer with.
 */
export const ERRORS = {
  E001_INPUT_NOT_FOUND: { status: 404, message: 'Input file not found: {path}' },
  E002_INPUT_EMPTY: { status: 400, message: 'Input is empty: {what} has no text to analyse' },
  E003_INPUT_TOO_LARGE: {
    status: 413,
    message:
      'Input is too large: {what} is {size} bytes; the limit is {limit} bytes (set TRUCE_MAX_INPUT_BYTES to change it)',
  },
  E004_INPUT_BINARY: {
    status: 415,
    message: 'Input looks binary, not text: {what} ({reason}). Give a plain-text or HTML report',
  },
  E005_INPUT_ENCODING: {
    status: 400,
    message:
      'Input is not valid {encoding}: {what} has an invalid byte sequence at byte {offset}. Pass --encoding (e.g. latin1) if the file uses another encoding',
  },
  E006_BAD_DATE: { status: 400, message: 'Invalid date for {field}: "{value}" (expected YYYY-MM-DD)' },
  E007_BAD_OPTION: { status: 400, message: 'Invalid value for {option}: {reason}' },
  E008_NO_ARTICLE: { status: 422, message: 'No article text found in {what}: {reason}' },
  E009_DATA_FILE: { status: 500, message: 'Invalid data file {file}: {reason}' },
  E010_PIPELINE_ORDER: {
    status: 500,
    message: 'Pipeline stage "{stage}" needs layer "{layer}", which no earlier stage adds',
  },
  E011_UNKNOWN_ENCODING: { status: 400, message: 'Unknown text encoding "{encoding}"' },
  E012_AGREEMENT: { status: 422, message: 'Invalid agreement {file}: {reason}' },
  E013_AGREEMENT_NOT_FOUND: {
    status: 404,
    message: 'Agreement not found: "{name}" is neither a file nor a bundled agreement id (bundled: {known})',
  },
  // E020-E029: accounts and the HTTP service.
  E020_UNAUTHENTICATED: { status: 401, message: 'Sign in first: {reason}' },
  E021_FORBIDDEN: { status: 403, message: 'Not allowed: {reason}' },
  E022_NOT_FOUND: { status: 404, message: '{what} not found' },
  E023_LINK_INVALID: {
    status: 410,
    message: 'This {what} link is invalid, used or expired; ask an admin for a new one',
  },
  E024_CONFLICT: { status: 409, message: 'Conflict: {reason}' },
  E025_RATE_LIMITED: { status: 429, message: 'Too many requests: try again in {retry}' },
  E026_CSRF: { status: 403, message: 'Missing or wrong CSRF token: send the x-csrf-token header given at sign-in' },
  E027_AUDIT_BROKEN: { status: 500, message: 'Audit log broken at entry {id}: {reason}' },
  E028_URL_REFUSED: { status: 400, message: 'Refusing to fetch {url}: {reason}' },
  E029_FETCH_FAILED: { status: 502, message: 'Could not fetch {url}: {reason}' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class TruceError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, details: Record<string, string | number> = {}) {
    const template: string = ERRORS[code].message;
    super(template.replace(/\{(\w+)\}/g, (_, key: string) => String(details[key] ?? `{${key}}`)));
    this.name = 'TruceError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }

  /** The short code users search for, e.g. `E003`. */
  get shortCode(): string {
    return this.code.slice(0, 4);
  }
}
