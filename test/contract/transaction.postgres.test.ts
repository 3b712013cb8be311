/** The transaction contract against PostgreSQL, when one is there (see backends.ts). */
import { withPostgres } from './backends.js';
import { transactionContract } from './transaction.contract.js';

await withPostgres('transaction contract', transactionContract);
