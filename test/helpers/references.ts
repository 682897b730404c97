// References as a run assigns them, keyed by a fixed empty secret so tests can name them.
import { assignReferences } from '../../src/analyse/references.js';
import { referenceCoder } from '../../src/redact/reference.js';

const coder = referenceCoder(null);
export const testReferences = (ids: readonly string[]) => assignReferences(ids, coder);

/** The reference of one candidate id among `ids` (as the run's assignment gives it). */
export function referenceOf(id: string, ids: readonly string[] = [id]): string {
  return testReferences([...new Set([id, ...ids])]).get(id)!;
}
