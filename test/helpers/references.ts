// References as a run assigns them, keyed by a fixed empty secret so tests can name them.
import { referencesKeyedBy } from '../../src/redact/reference.js';

export const testReferences = referencesKeyedBy(null);

/** The reference of one candidate id among `ids` (as the run's assignment gives it). */
export function referenceOf(id: string, ids: readonly string[] = [id]): string {
  return testReferences([...new Set([id, ...ids])]).get(id)!;
}
