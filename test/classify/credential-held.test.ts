import { describe, expect, it } from 'vitest';
import { holdsCredential } from '../../src/classify/credential-held.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('holdsCredential', () => {
  it('reads a credential the other candidate held', () => {
    for (const subject of [
      'is holding PMP',
      'already holds her AHPRA registration',
      'had her forklift and first aid tickets',
      'speaks fluent Welsh',
      'is already ACCA-chartered',
      'had a Cert IV in Training and Assessment',
    ])
      expect(holdsCredential(subject), subject).toBe(true);
  });

  it('does not read a licence to drive, documents sent, years since qualifying or an equal', () => {
    for (const subject of [
      'had a full driving licence',
      'sent all documents complete, yours missed references and certificates',
      'both had more years post-registration',
      'was equally well qualified',
      'had a decade in aged care and had taken a facility through accreditation',
      'was calmer and far easier to follow',
    ])
      expect(holdsCredential(subject), subject).toBe(false);
  });

  it('asserts `qualifications` beside `competition` in a comparison', () => {
    const reading = readSegment('We went with a candidate who already holds her teaching license.', DEFAULT_THEME_IDS);
    expect(reading.asserted).toEqual(expect.arrayContaining(['competition', 'qualifications']));
    const other = readSegment('The other candidate had led a migration like ours.', DEFAULT_THEME_IDS);
    expect(other.asserted).not.toContain('qualifications');
  });
});
