/** The accounts/access/audit/review contract against PostgreSQL, when one is there (see backends.ts). */
import { accountsContract } from './accounts.contract.js';
import { withPostgres } from './backends.js';

await withPostgres('accounts contract', accountsContract);
