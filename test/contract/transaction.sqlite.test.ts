/** The transaction contract against SQLite, always. */
import { sqliteFactory } from './backends.js';
import { transactionContract } from './transaction.contract.js';

transactionContract('sqlite', sqliteFactory());
