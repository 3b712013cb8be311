/** Changes and their audit entries roll back together, on SQLite. */
import { auditedChangesContract } from './audited-changes.contract.js';
import { sqliteFactory } from './backends.js';

auditedChangesContract('sqlite', sqliteFactory());
