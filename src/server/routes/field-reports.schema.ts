/** Request schema of POST /api/field-reports: the form (services/field-report.service.ts). */
export { FieldReportSchema as FieldReportBody } from '../../services/field-report.service.js';

/**
 * An HTML form post's flat fields (`who.actor1=...&where.latitude=...`) as the nested form: dotted
 * names nest, empty fields are left out, `parties` may repeat or be comma-separated, and the
 * `_csrf` field (checked before this runs) is dropped.
 */
export function fromFormFields(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(flat)) {
    if (key === '_csrf' || raw === '' || raw === undefined) continue;
    if (key === 'parties') {
      const list = (Array.isArray(raw) ? raw : String(raw).split(',')).map((p) => String(p).trim()).filter(Boolean);
      if (list.length) out.parties = list;
      continue;
    }
    const path = key.split('.');
    if (path.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = raw;
  }
  return out;
}
