// The input analyse() gets from a lexical run over in-memory items: no files read, nothing rejected,
// default thresholds and the tests' references, so a test states only what it is about.
import type { AnalysisInput } from '../../src/analyse/index.js';
import type { PreviousRun } from '../../src/previous-run.js';
import type { ClassifiedItem } from '../../src/types.js';
import { TAXONOMY } from '../fixtures/analyse/build.js';
import { testReferences } from './references.js';

type Options = AnalysisInput['options'];

export function lexicalAnalysisInput(
  classified: ClassifiedItem[],
  { previous = null, ...options }: Pick<Options, 'generatedAt'> & Partial<Options> & { previous?: PreviousRun | null },
): AnalysisInput {
  return {
    classified,
    taxonomy: TAXONOMY,
    engine: { name: 'lexical', model: null, fallbackReason: null },
    inputs: { files: [], rejects: [], dataRows: classified.length },
    thresholdsSource: 'default',
    references: testReferences,
    previous,
    options: { minGroup: 5, showIds: false, ...options },
  };
}
