/** Analyses every report of examples/manifest.yaml: shared by the golden test and its update command. */
import { basename, resolve } from 'node:path';
import type { Analysis } from '../../src/core/analysis.js';
import { AnalyzeService } from '../../src/services/analyze.service.js';
import { loadManifest } from '../../src/services/manifest.js';

export const GOLDEN_DIR = import.meta.dirname;
const MANIFEST = resolve(import.meta.dirname, '../../examples/manifest.yaml');

export function goldenPath(reportPath: string): string {
  return resolve(GOLDEN_DIR, `${basename(reportPath).replace(/\.[^.]+$/, '')}.json`);
}

export function analyseExamples(): Array<{ path: string; analysis: Analysis }> {
  const service = new AnalyzeService();
  return loadManifest(MANIFEST).map((entry) => ({
    path: entry.path,
    analysis: service.analyzeFile(entry.path, { published: entry.published, source: entry.source }).analysis,
  }));
}

export function serialise(analysis: Analysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
