/** The review and watchlist contract against PostgreSQL, when one is there (see backends.ts). */
import { withPostgres } from './backends.js';
import { reviewWatchlistContract } from './review-watchlist.contract.js';

await withPostgres('review watchlist contract', reviewWatchlistContract);
