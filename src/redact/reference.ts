// Reference codes keyed by the run's secret (see src/analyse/references.ts for what a reference
// guarantees): HMAC-SHA256 of the candidate id, written in Crockford's base32 (digits and capitals
// without I, L, O and U), so a code reads back unambiguously over the phone.
import { createHmac } from 'node:crypto';
import { assignReferences, type AssignReferences, type ReferenceCoder } from '../analyse/references.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Codes keyed by `secret`; without one (unit tests), by a fixed empty key. */
export function referenceCoder(secret: Uint8Array | null): ReferenceCoder {
  const key = secret ?? Buffer.alloc(0);
  return (candidateId) => base32(createHmac('sha256', key).update(`reference\u0000${candidateId}`).digest());
}

/** The assignment a run uses: codes keyed by its secret. */
export function referencesKeyedBy(secret: Uint8Array | null): AssignReferences {
  const coder = referenceCoder(secret);
  return (candidateIds) => assignReferences(candidateIds, coder);
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? out + ALPHABET[(buffer << (5 - bits)) & 31] : out;
}
