/**
 * The append-only audit log: who did what, when, with the state before and after. Each entry is
 * chained to the one before: hash = sha256(prev_hash + canonical JSON of the entry), so an edited,
 * removed or reordered row breaks the chain at that row (`truce audit verify`).
 */
import { createHash } from 'node:crypto';
import type { Row, Sql } from './sql-runner.js';

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface NewAuditEntry {
  /** `user:<id>`, `token:<id>` or `system`. */
  readonly actor: string;
  /** e.g. `report.create`, `user.invite`, `session.login`. */
  readonly action: string;
  /** What changed, e.g. `report:12`, `user:3`. */
  readonly subject: string;
  readonly before?: Json;
  readonly after?: Json;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before: Json;
  readonly after: Json;
  readonly prevHash: string;
  readonly hash: string;
}

/** JSON with object keys sorted at every depth and no spaces: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(prevHash: string, e: Omit<AuditEntry, 'id' | 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256')
    .update(prevHash + body)
    .digest('hex');
}

export interface AuditFilter {
  /** Exact subject, e.g. `incident:12`. */
  readonly subject?: string;
  /** Exact action, or a prefix ending in `.` (e.g. `review.`). */
  readonly action?: string;
  /** Exact actor, e.g. `user:3` or `cli:ana`. */
  readonly actor?: string;
}

export interface AuditStore {
  /**
   * Appends one entry at the head of the chain. Inside Store.transaction it is part of that
   * transaction (so the change and its entry commit together); otherwise its own.
   */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first, `beforeId` pages backwards. */
  list(options?: { limit?: number; beforeId?: number } & AuditFilter): Promise<AuditEntry[]>;
  count(filter?: AuditFilter): Promise<number>;
  /** Every entry in chain (id) order, in pages. */
  iterate(pageSize?: number): AsyncIterable<AuditEntry>;
}

const parse = (v: unknown): Json => (v === null || v === undefined ? null : (JSON.parse(String(v)) as Json));

export function toAuditEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: String(r.at),
    actor: r.actor as string,
    action: r.action as string,
    subject: r.subject as string,
    before: parse(r.before),
    after: parse(r.after),
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(e.message ?? '');
};

function auditWhere(f: AuditFilter): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.subject !== undefined) {
    parts.push('subject = ?');
    params.push(f.subject);
  }
  if (f.actor !== undefined) {
    parts.push('actor = ?');
    params.push(f.actor);
  }
  if (f.action !== undefined) {
    if (f.action.endsWith('.')) {
      // A prefix: compared as a range so no LIKE wildcard in the value can widen it.
      parts.push('action >= ? AND action < ?');
      params.push(f.action, `${f.action.slice(0, -1)}/`);
    } else {
      parts.push('action = ?');
      params.push(f.action);
    }
  }
  return { parts, params };
}

export function createAuditStore(sql: Sql): AuditStore {
  /** Reads the head and inserts after it; the caller holds the writer lock, so no one else can. */
  const appendAtHead = async (entry: NewAuditEntry): Promise<AuditEntry> => {
    // PostgreSQL: one audit writer at a time until the transaction ends (SQLite's BEGIN IMMEDIATE
    // already holds the database's one write lock).
    if (sql.dialect === 'postgres')
      await sql.get(`SELECT pg_advisory_xact_lock(hashtext('truce_audit_log:' || current_schema())) AS locked`);
    const head = await sql.get('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const prevHash = (head?.hash as string | undefined) ?? GENESIS_HASH;
    const e = {
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      before: entry.before ?? null,
      after: entry.after ?? null,
    };
    const hash = entryHash(prevHash, e);
    const r = await sql.get(
      `INSERT INTO audit_log (at, actor, action, subject, before, after, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        e.at,
        e.actor,
        e.action,
        e.subject,
        e.before === null ? null : canonicalJson(e.before),
        e.after === null ? null : canonicalJson(e.after),
        prevHash,
        hash,
      ],
    );
    return { id: Number(r?.id), ...e, prevHash, hash };
  };

  return {
    async append(entry) {
      // Inside the caller's transaction: the entry commits or rolls back with the change it records.
      if (sql.inTransaction()) return appendAtHead(entry);
      // On its own: its own transaction. UNIQUE(prev_hash) still turns a race with a writer that
      // does not take the lock (an older version of this code) into a retry on the new head.
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          return await sql.transaction(() => appendAtHead(entry));
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      throw new Error('audit log: could not append after 20 attempts (too many concurrent writers)');
    },
    async list(options = {}) {
      const limit = Math.max(1, Math.min(500, options.limit ?? 100));
      const w = auditWhere(options);
      if (options.beforeId !== undefined) {
        w.parts.push('id < ?');
        w.params.push(options.beforeId);
      }
      const where = w.parts.length ? `WHERE ${w.parts.join(' AND ')}` : '';
      const rows = await sql.all(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ?`, [...w.params, limit]);
      return rows.map(toAuditEntry);
    },
    async count(filter = {}) {
      const w = auditWhere(filter);
      const where = w.parts.length ? `WHERE ${w.parts.join(' AND ')}` : '';
      return Number((await sql.get(`SELECT count(*) AS n FROM audit_log ${where}`, w.params))?.n ?? 0);
    },
    async *iterate(pageSize = 1000) {
      let after = 0;
      for (;;) {
        const rows = await sql.all('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?', [after, pageSize]);
        for (const r of rows) yield toAuditEntry(r);
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1]!.id);
      }
    },
  };
}
