/** The store contract against SQLite, always. */
import { sqliteFactory } from './backends.js';
import { storeContract } from './store.contract.js';

storeContract('sqlite', sqliteFactory());
