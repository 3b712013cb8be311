/** `npm run golden:update`: rewrites the golden files; review the diff before committing. */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyseExamples, goldenPath, serialise } from './examples.js';

for (const { path, analysis } of analyseExamples()) {
  const out = goldenPath(path);
  writeFileSync(out, serialise(analysis));
  console.log(`wrote ${relative(process.cwd(), out)} (${analysis.events.length} events, ${analysis.quotes.length} quotes)`);
}
