// Shared by the tests, the benchmarks and the measurement scripts: a feedback item as ingest would
// make it, with only the fields the caller cares about set and every optional column empty.

import type { FeedbackItem } from '../src/types.js';

export function feedbackItem(fields: Pick<FeedbackItem, 'id' | 'text'> & Partial<FeedbackItem>): FeedbackItem {
  return { candidate: null, cohort: null, stage: null, employer: null, role: null, date: null, source: 'fixture.csv', line: 2, ...fields };
}
