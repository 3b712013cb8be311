/** Use case: record every change in the hash-chained audit log, list it, and verify the chain. */
import type { AuditEntry, NewAuditEntry, Store } from '../store/store.js';
import { entryHash, GENESIS_HASH } from '../store/audit.store.js';

export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  /** Hash of the last entry: keep it elsewhere to detect removal of the newest entries. */
  readonly head: string;
  readonly broken?: { readonly id: number; readonly reason: string };
}

export class AuditService {
  constructor(private readonly store: Store) {}

  record(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.store.audit.append(entry);
  }

  list(options: { limit?: number; beforeId?: number } = {}): Promise<AuditEntry[]> {
    return this.store.audit.list(options);
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
