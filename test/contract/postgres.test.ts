/** The store contract against PostgreSQL, when one is there (see backends.ts). */
import { withPostgres } from './backends.js';
import { storeContract } from './store.contract.js';

await withPostgres('store contract', storeContract);
