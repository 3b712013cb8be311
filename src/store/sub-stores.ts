/**
 * The sub-stores both backends hand out (access, accounts, audit, review, watchlist, incidents,
 * agreements): each is written once over the SQL runner (sql-runner.ts), so a store class only gives
 * its runner to this base class.
 */
import { createAccessStore, type AccessStore } from './access.store.js';
import { createAccountStore, type AccountStore } from './accounts.store.js';
import { createAgreementStore, type AgreementStore } from './agreements.store.js';
import { createAuditStore, type AuditStore } from './audit.store.js';
import { createIncidentStore, type IncidentStore } from './incident-queries.js';
import { createReviewStore, type ReviewStore } from './review.store.js';
import type { Sql } from './sql-runner.js';
import { createWatchlistStore, type WatchlistStore } from './watchlist.store.js';

export abstract class SubStores {
  readonly access: AccessStore;
  readonly accounts: AccountStore;
  readonly audit: AuditStore;
  readonly review: ReviewStore;
  readonly watchlist: WatchlistStore;
  readonly incidents: IncidentStore;
  readonly agreements: AgreementStore;

  protected constructor(sql: Sql) {
    this.access = createAccessStore(sql);
    this.accounts = createAccountStore(sql);
    this.audit = createAuditStore(sql);
    this.review = createReviewStore(sql);
    this.watchlist = createWatchlistStore(sql);
    this.incidents = createIncidentStore(sql);
    this.agreements = createAgreementStore(sql);
  }
}
