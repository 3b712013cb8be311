/** Query schema of GET /api/exports: the format and the filters of `truce export`. */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../services/export.service.js';
import { eventFilters } from './incidents.schema.js';

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('acled'),
  ...eventFilters,
});
