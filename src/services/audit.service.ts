/** Use case: record every change in the hash-chained audit log, list it, and verify the chain. */
import { userInfo } from 'node:os';
import { requireRole, type Principal } from '../auth/principal.js';
import type { AuditEntry, AuditFilter, NewAuditEntry, Store } from '../store/store.js';
import { entryHash, GENESIS_HASH } from '../store/audit.store.js';

/** The actor of a change made from the command line: `cli:<operating-system user>`. */
export function cliActor(): string {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER || process.env.USERNAME || 'unknown';
  }
  return `cli:${name}`;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly total: number;
  /** Pass as `beforeId` for the next (older) page; null on the last page. */
  readonly nextBeforeId: number | null;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  /** Hash of the last entry: keep it elsewhere to detect removal of the newest entries. */
  readonly head: string;
  readonly broken?: { readonly id: number; readonly reason: string };
}

export class AuditService {
  constructor(private readonly store: Store) {}

  /** Appends the entry; inside Store.transaction, as part of the change it records. */
  record(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.store.audit.append(entry);
  }

  list(options: { limit?: number; beforeId?: number } & AuditFilter = {}): Promise<AuditEntry[]> {
    return this.store.audit.list(options);
  }

  /** The log for an admin, newest first, a page at a time. */
  async page(by: Principal | null, options: { limit: number; beforeId?: number } & AuditFilter): Promise<AuditPage> {
    requireRole(by, 'admin');
    const filter: AuditFilter = { subject: options.subject, action: options.action, actor: options.actor };
    const [items, total] = await Promise.all([this.store.audit.list(options), this.store.audit.count(filter)]);
    const last = items.at(-1);
    return { items, total, nextBeforeId: items.length === options.limit && last ? last.id : null };
  }

  /** Walks the chain in id order; the first entry whose link or hash does not hold is named. */
  async verify(): Promise<VerifyResult> {
    let prev = GENESIS_HASH;
    let entries = 0;
    for await (const e of this.store.audit.iterate()) {
      if (e.prevHash !== prev)
        return {
          ok: false,
          entries,
          head: prev,
          broken: {
            id: e.id,
            reason: 'its prev_hash does not match the entry before it (an entry was removed or reordered)',
          },
        };
      if (entryHash(prev, e) !== e.hash)
        return {
          ok: false,
          entries,
          head: prev,
          broken: { id: e.id, reason: 'its content does not match its hash (the row was altered)' },
        };
      prev = e.hash;
      entries++;
    }
    return { ok: true, entries, head: prev };
  }
}
