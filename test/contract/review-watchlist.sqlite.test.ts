/** The review and watchlist contract against SQLite, always. */
import { sqliteFactory } from './backends.js';
import { reviewWatchlistContract } from './review-watchlist.contract.js';

reviewWatchlistContract('sqlite', sqliteFactory());
