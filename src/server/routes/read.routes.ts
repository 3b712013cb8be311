/**
 * The read side of the API (incidents, agreements, findings, compliance, exports): one catalogue of
 * agreements with the server's active one, and the services every read route shares.
 */
import { AgreementCatalog } from '../../services/agreement.service.js';
import { ComplianceService } from '../../services/compliance.service.js';
import { ExportService } from '../../services/export.service.js';
import { FindingsService } from '../../services/findings.service.js';
import { IncidentReadService } from '../../services/incident-read.service.js';
import type { Store } from '../../store/store.js';
import type { App, RateLimits } from '../context.js';
import { agreementRoutes } from './agreements.routes.js';
import { complianceRoutes } from './compliance.routes.js';
import { exportRoutes } from './exports.routes.js';
import { findingRoutes } from './findings.routes.js';
import { incidentRoutes } from './incidents.routes.js';

export interface ReadServices {
  readonly agreements: AgreementCatalog;
  readonly incidents: IncidentReadService;
  readonly findings: FindingsService;
  readonly compliance: ComplianceService;
  readonly exports: ExportService;
}

/** Builds the read services; a bad active agreement (file or id) fails here, at start (E012, E013). */
export async function readServices(store: Store, agreement?: string): Promise<ReadServices> {
  const agreements = await AgreementCatalog.open(store, agreement);
  const findings = new FindingsService(store, agreements);
  return {
    agreements,
    findings,
    incidents: new IncidentReadService(store, agreements, findings),
    compliance: new ComplianceService(store, findings),
    exports: new ExportService(store),
  };
}

export async function readRoutes(
  app: App,
  store: Store,
  options: { agreement?: string; bodyLimit: number; limits: RateLimits },
): Promise<ReadServices> {
  const r = await readServices(store, options.agreement);
  incidentRoutes(app, r, options.limits);
  await agreementRoutes(app, r, options.bodyLimit);
  findingRoutes(app, r);
  complianceRoutes(app, r);
  exportRoutes(app, r, options.limits);
  return r;
}
