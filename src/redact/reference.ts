// Reference codes keyed by the run's secret (src/analyse/references.ts cuts and assigns them):
// HMAC-SHA256 of the candidate id in Crockford's base32 (digits and capitals without I, L, O and
// U), so a code reads back unambiguously over the phone.
import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Codes keyed by `secret`; without one (unit tests), by a fixed empty key. */
export function referenceCoder(secret: Uint8Array | null): (candidateId: string) => string {
  const key = secret ?? Buffer.alloc(0);
  return (candidateId) => base32(createHmac('sha256', key).update(`reference\u0000${candidateId}`).digest());
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
