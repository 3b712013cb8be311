/**
 * Agreements: `truce agreement check` (load, validate, run the examples, summarise), and the
 * catalogue the service answers from: the active agreement (a server option, a file or an id), the
 * bundled ones in data/agreements/ and those uploaded by an admin (kept in the store).
 */
import { TruceError } from '../core/errors.js';
import { actorOf, requireRole, type Principal } from '../auth/principal.js';
import type { Store } from '../store/store.js';
import { bundledAgreementIds, loadAgreement, parseAgreementText, type CompiledAgreement } from '../terms/agreement.js';
import { runExamples, type ExampleResult } from '../terms/examples.js';
import { AuditService } from './audit.service.js';

export type { CompiledAgreement } from '../terms/agreement.js';
export type { Zone } from '../terms/agreement.schema.js';

/** The agreement the dashboard shows unless the server is told otherwise. */
export const DEFAULT_AGREEMENT = 'syria-2016-09-arrangement';

export interface AgreementCheck {
  readonly agreement: CompiledAgreement;
  readonly examples: readonly ExampleResult[];
  readonly failures: readonly ExampleResult[];
}

export function checkAgreement(fileOrId: string): AgreementCheck {
  const agreement = loadAgreement(fileOrId);
  const examples = runExamples(agreement);
  return { agreement, examples, failures: examples.filter((x) => x.expected !== x.got) };
}

export type AgreementOrigin = 'bundled' | 'uploaded' | 'file';

export interface CatalogEntry {
  readonly agreement: CompiledAgreement;
  readonly origin: AgreementOrigin;
  readonly active: boolean;
}

/** One thing wrong with an agreement text, located when the parser can say where. */
export interface AgreementProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly field: string | null;
}

export interface AgreementValidation {
  readonly valid: boolean;
  readonly agreement: CompiledAgreement | null;
  readonly problems: readonly AgreementProblem[];
  /** The terms' own examples: how many ran, and those judged otherwise than they expect. */
  readonly examples: { readonly total: number; readonly failed: readonly ExampleResult[] };
}

const UPLOAD_NAME = 'the uploaded agreement';

/** Line, column and field out of an E012 reason ("line 22, field terms.0.binds.0: ..."). */
function locate(reason: string): Pick<AgreementProblem, 'line' | 'column' | 'field'> {
  const line = /\bline (\d+)/.exec(reason);
  const column = /\bcolumn (\d+)/.exec(reason);
  const field = /\bfield ([^:]+):/.exec(reason);
  return {
    line: line ? Number(line[1]) : null,
    column: column ? Number(column[1]) : null,
    field: field ? (field[1] as string).trim() : null,
  };
}

/**
 * Where JSON.parse first fails: the longest prefix that is still valid JSON, or only cut short.
 * (Node 20 does not always name the position.) The prefix test is monotonic, so a binary search.
 */
function jsonErrorOffset(text: string): number {
  const clean = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      return /Unexpected end of JSON input/.test(message) || Number(/at position (\d+)/.exec(message)?.[1]) === n;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (clean(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A JSON syntax error located by line and column. */
function jsonProblem(text: string, error: Error): AgreementProblem {
  const before = text.slice(0, jsonErrorOffset(text));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const what = error.message
    .split(', "')[0]!
    .split(', ...')[0]!
    .replace(/ in JSON at position \d+.*$/, '');
  const reason = `JSON syntax error at line ${line}, column ${column}: ${what}`;
  return {
    code: 'E012',
    message: new TruceError('E012_AGREEMENT', { file: UPLOAD_NAME, reason }).message,
    line,
    column,
    field: null,
  };
}

export class AgreementCatalog {
  private readonly audit: AuditService;
  private readonly bundled = new Map<string, CompiledAgreement>();
  private readonly uploaded = new Map<string, { hash: string; agreement: CompiledAgreement }>();

  private constructor(
    private readonly store: Store,
    /** The active agreement when it was given as a file or a bundled id; null when it is an uploaded one. */
    private readonly pinned: { agreement: CompiledAgreement; origin: AgreementOrigin } | null,
    readonly activeId: string,
  ) {
    this.audit = new AuditService(store);
  }

  /** Resolves the active agreement once (a bad file or unknown id fails the start, E012/E013). */
  static async open(store: Store, active: string = DEFAULT_AGREEMENT): Promise<AgreementCatalog> {
    try {
      const agreement = loadAgreement(active);
      const origin = bundledAgreementIds().includes(active) ? 'bundled' : 'file';
      return new AgreementCatalog(store, { agreement, origin }, agreement.agreement.id);
    } catch (error) {
      if (!(error instanceof TruceError && error.code === 'E013_AGREEMENT_NOT_FOUND')) throw error;
      if (!(await store.agreements.getAgreement(active))) throw error;
      return new AgreementCatalog(store, null, active);
    }
  }

  async active(): Promise<CompiledAgreement> {
    return this.get(this.activeId);
  }

  /** The active, an uploaded or a bundled agreement, in that order; E013 (404) for any other id. */
  async get(id: string): Promise<CompiledAgreement> {
    return (await this.entry(id)).agreement;
  }

  async entry(id: string): Promise<CatalogEntry> {
    const active = id === this.activeId;
    if (this.pinned && this.pinned.agreement.agreement.id === id)
      return { agreement: this.pinned.agreement, origin: this.pinned.origin, active };
    const stored = await this.store.agreements.getAgreement(id);
    if (stored) {
      const known = this.uploaded.get(id);
      if (known?.hash === stored.contentHash) return { agreement: known.agreement, origin: 'uploaded', active };
      const agreement = parseAgreementText(stored.text, `agreement ${id}`);
      this.uploaded.set(id, { hash: stored.contentHash, agreement });
      return { agreement, origin: 'uploaded', active };
    }
    if (/^[a-z0-9][a-z0-9-]*$/.test(id) && bundledAgreementIds().includes(id)) {
      let agreement = this.bundled.get(id);
      if (!agreement) this.bundled.set(id, (agreement = loadAgreement(id)));
      return { agreement, origin: 'bundled', active };
    }
    throw new TruceError('E013_AGREEMENT_NOT_FOUND', { name: id, known: (await this.ids()).join(', ') });
  }

  private async ids(): Promise<string[]> {
    const uploaded = (await this.store.agreements.listAgreements()).map((a) => a.id);
    return [...new Set([this.activeId, ...bundledAgreementIds(), ...uploaded])];
  }

  /** Every agreement the service knows, the active one first, then by id. */
  async list(): Promise<CatalogEntry[]> {
    const out: CatalogEntry[] = [];
    for (const id of await this.ids()) {
      try {
        out.push(await this.entry(id));
      } catch (error) {
        // A stored agreement that no longer validates (schema changed) is left out, not fatal.
        if (!(error instanceof TruceError)) throw error;
      }
    }
    return out.sort(
      (a, b) => Number(b.active) - Number(a.active) || cmp(a.agreement.agreement.id, b.agreement.agreement.id),
    );
  }

  /** Checks an agreement text (YAML, or JSON when `format` says so) and runs its examples; stores nothing. */
  validate(text: string, format: 'yaml' | 'json' = 'yaml'): AgreementValidation {
    const none = { total: 0, failed: [] };
    if (text.trim() === '')
      return {
        valid: false,
        agreement: null,
        problems: [{ code: 'E002', message: 'The agreement is empty', line: null, column: null, field: null }],
        examples: none,
      };
    if (format === 'json') {
      try {
        JSON.parse(text);
      } catch (error) {
        return { valid: false, agreement: null, problems: [jsonProblem(text, error as Error)], examples: none };
      }
    }
    let agreement: CompiledAgreement;
    try {
      agreement = parseAgreementText(text, UPLOAD_NAME);
    } catch (error) {
      if (!(error instanceof TruceError && error.code === 'E012_AGREEMENT')) throw error;
      const reason = String(error.details.reason);
      return {
        valid: false,
        agreement: null,
        problems: [{ code: error.shortCode, message: error.message, ...locate(reason) }],
        examples: none,
      };
    }
    const examples = runExamples(agreement);
    const failed = examples.filter((x) => x.expected !== x.got);
    const problems = failed.map((f) => ({
      code: 'E012',
      message: new TruceError('E012_AGREEMENT', {
        file: UPLOAD_NAME,
        reason: `example ${f.index} of term ${f.term_id} expects ${f.expected} but is judged ${f.got}: ${f.explanation}`,
      }).message,
      line: null,
      column: null,
      field: `terms.${agreement.agreement.terms.findIndex((t) => t.id === f.term_id)}.examples.${f.index}`,
    }));
    return { valid: problems.length === 0, agreement, problems, examples: { total: examples.length, failed } };
  }

  /**
   * Stores an admin's agreement after validating it (E012 names the line or field of the first
   * problem). Its id may not be the active or a bundled agreement's; an uploaded one is replaced only
   * when asked. The change and its audit entry are one transaction.
   */
  async upload(
    by: Principal | null,
    text: string,
    format: 'yaml' | 'json',
    options: { replace?: boolean } = {},
  ): Promise<{ agreement: CompiledAgreement; status: 'created' | 'replaced' }> {
    const p = requireRole(by, 'admin');
    const check = this.validate(text, format);
    const first = check.problems[0];
    if (!check.valid || !check.agreement)
      throw new TruceError('E012_AGREEMENT', {
        file: UPLOAD_NAME,
        reason: first ? first.message.replace(/^Invalid agreement the uploaded agreement: /, '') : 'invalid',
      });
    const a = check.agreement.agreement;
    if ((this.pinned && this.pinned.agreement.agreement.id === a.id) || bundledAgreementIds().includes(a.id))
      throw new TruceError('E024_CONFLICT', {
        reason: `agreement ${a.id} is ${this.pinned?.agreement.agreement.id === a.id ? 'the active' : 'a bundled'} agreement; upload it under another id`,
      });
    const status = await this.store.transaction(async () => {
      const before = await this.store.agreements.getAgreement(a.id);
      const put = await this.store.agreements.putAgreement(
        { id: a.id, title: a.title, text, uploadedBy: p.userId },
        { replace: options.replace === true },
      );
      if (put === 'exists')
        throw new TruceError('E024_CONFLICT', {
          reason: `agreement ${a.id} was already uploaded; send ?replace=true to replace it`,
        });
      const stored = await this.store.agreements.getAgreement(a.id);
      await this.audit.record({
        actor: actorOf(p),
        action: put === 'created' ? 'agreement.create' : 'agreement.replace',
        subject: `agreement:${a.id}`,
        before: before ? { title: before.title, contentHash: before.contentHash } : null,
        after: { title: a.title, contentHash: stored?.contentHash ?? null, terms: a.terms.length },
      });
      return put;
    });
    return { agreement: check.agreement, status };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
