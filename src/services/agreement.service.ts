/** `truce agreement check`: load and validate an agreement, run its examples, summarise it. */
import { loadAgreement, type CompiledAgreement } from '../terms/agreement.js';
import { runExamples, type ExampleResult } from '../terms/examples.js';

export interface AgreementCheck {
  readonly agreement: CompiledAgreement;
  readonly examples: readonly ExampleResult[];
  readonly failures: readonly ExampleResult[];
}

export function checkAgreement(fileOrId: string): AgreementCheck {
  const agreement = loadAgreement(fileOrId);
  const examples = runExamples(agreement);
  return { agreement, examples, failures: examples.filter((x) => x.expected !== x.got) };
}
