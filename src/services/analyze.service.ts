/** Use case: analyse one report from a file or standard input into the Analysis contract. */
import type { Analysis } from '../core/analysis.js';
import type { IsoDay } from '../core/date.js';
import type { Doc, MediaType, ReportInput } from '../core/document.js';
import { TruceError } from '../core/errors.js';
import { readSource } from '../ingest/read-source.js';
import { createReader, type Reader } from '../nlp/analyze.js';
import { toAnalysis } from '../nlp/present.js';

export interface AnalyzeOptions {
  readonly published?: IsoDay;
  readonly source?: string;
  readonly encoding?: string;
  readonly mediaType?: MediaType;
}

export interface AnalyzedReport {
  readonly name: string;
  readonly doc: Doc;
  readonly analysis: Analysis;
}

export class AnalyzeService {
  constructor(private readonly reader: Reader = createReader()) {}

  analyzeText(text: string, name: string, mediaType: MediaType, options: AnalyzeOptions = {}): AnalyzedReport {
    const input: ReportInput = {
      raw: text,
      mediaType,
      ...(options.published ? { published: options.published } : {}),
      ...(options.source ? { sourceName: options.source } : {}),
    };
    const doc = this.reader.read(input);
    if (!doc.clean || doc.clean.body.trim() === '') {
      const reason = doc.clean?.warnings[0] ?? 'the cleaner kept no text';
      throw new TruceError('E008_NO_ARTICLE', { what: name, reason });
    }
    return { name, doc, analysis: toAnalysis(doc) };
  }

  analyzeFile(path: string, options: AnalyzeOptions = {}): AnalyzedReport {
    const source = readSource(path, { encoding: options.encoding, mediaType: options.mediaType });
    return this.analyzeText(source.text, source.name, source.mediaType, options);
  }
}
