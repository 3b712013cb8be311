/** Changes and their audit entries roll back together, on PostgreSQL when one is there (backends.ts). */
import { auditedChangesContract } from './audited-changes.contract.js';
import { withPostgres } from './backends.js';

await withPostgres('audited changes', auditedChangesContract);
