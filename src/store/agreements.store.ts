/**
 * `store.agreements`: agreements uploaded through the API (migration 0007), kept as the text that
 * was sent. The bundled agreements stay files in data/agreements/; services decide which wins.
 */
import { createHash } from 'node:crypto';
import { iso } from './rows.js';
import type { Row, Sql } from './sql-runner.js';

export interface AgreementRecord {
  readonly id: string;
  readonly title: string;
  /** sha256 of the text, lower-case hex. */
  readonly contentHash: string;
  readonly uploadedBy: number | null;
  readonly uploadedAt: string;
}

export interface StoredAgreement extends AgreementRecord {
  /** YAML or JSON, exactly as uploaded. */
  readonly text: string;
}

export interface NewAgreement {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly uploadedBy: number | null;
}

export interface AgreementStore {
  /** Stores a new agreement; `replace` overwrites one of the same id. Resolves to what happened. */
  putAgreement(a: NewAgreement, options?: { replace?: boolean }): Promise<'created' | 'replaced' | 'exists'>;
  getAgreement(id: string): Promise<StoredAgreement | null>;
  /** Every uploaded agreement, by id, without its text. */
  listAgreements(): Promise<AgreementRecord[]>;
}

const toRecord = (r: Row): AgreementRecord => ({
  id: r.id as string,
  title: r.title as string,
  contentHash: r.content_hash as string,
  uploadedBy: r.uploaded_by === null ? null : Number(r.uploaded_by),
  uploadedAt: iso(r.uploaded_at),
});

export function createAgreementStore(sql: Sql): AgreementStore {
  return {
    async putAgreement(a, options = {}) {
      const values = [
        a.title,
        a.text,
        createHash('sha256').update(a.text).digest('hex'),
        a.uploadedBy,
        new Date().toISOString(),
      ];
      const inserted = await sql.run(
        `INSERT INTO agreements (title, source_text, content_hash, uploaded_by, uploaded_at, id)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [...values, a.id],
      );
      if (inserted > 0) return 'created';
      if (!options.replace) return 'exists';
      await sql.run(
        `UPDATE agreements SET title = ?, source_text = ?, content_hash = ?, uploaded_by = ?, uploaded_at = ?
         WHERE id = ?`,
        [...values, a.id],
      );
      return 'replaced';
    },
    async getAgreement(id) {
      const r = await sql.get('SELECT * FROM agreements WHERE id = ?', [id]);
      return r ? { ...toRecord(r), text: r.source_text as string } : null;
    },
    async listAgreements() {
      const rows = await sql.all('SELECT id, title, content_hash, uploaded_by, uploaded_at FROM agreements');
      // Sorted here: the two backends' collations order hyphens differently.
      return rows.map(toRecord).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
