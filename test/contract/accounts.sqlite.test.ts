/** The accounts/access/audit/review contract against SQLite, always. */
import { accountsContract } from './accounts.contract.js';
import { sqliteFactory } from './backends.js';

accountsContract('sqlite', sqliteFactory());
