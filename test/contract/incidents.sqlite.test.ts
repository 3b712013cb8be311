/** The incident and agreement store contract against SQLite, always. */
import { sqliteFactory } from './backends.js';
import { incidentsContract } from './incidents.contract.js';

incidentsContract('sqlite', sqliteFactory());
