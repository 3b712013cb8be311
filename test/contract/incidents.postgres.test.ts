/** The incident and agreement store contract against PostgreSQL, when one is there (see backends.ts). */
import { withPostgres } from './backends.js';
import { incidentsContract } from './incidents.contract.js';

await withPostgres('incidents contract', incidentsContract);
