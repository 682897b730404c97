import { describe, expect, it } from 'vitest';
import { lacksQualification } from '../../src/classify/qualification.js';

describe('lacksQualification', () => {
  it.each([
    // A credential lacked, by its kind.
    'Sorry, no asbestos awareness certificate, and the client will not budge.',
    'You are not having the required M.Sc in Statistics.',
    "He doesn't hold the site safety card.",
    // A credential the role requires.
    'The post requires a current teaching registration.',
    'A recognised accountancy qualification is mandatory for this grade, so we must say no.',
    // A credential's state.
    'Your practising certificate has lapsed.',
    'Nursing registration still pending.',
  ])('reads a qualification lacked in "%s"', (text) => {
    expect(lacksQualification(text)).toBe(true);
  });

  it.each([
    // A licence to drive, a vehicle or residency for clearance are logistics.
    'The role needs a full clean licence for the van.',
    'You told us you do not have a licence, and the job is driving between sites.',
    'The contract needs SC clearance, which takes five years of residency.',
    // A lack named as a topic, whose verdict follows, and a question whether it was the credential.
    'Your lack of a teaching diploma was never the point for the governors.',
    'I asked the agency was it the missing diploma, and they would not say.',
    // No credential named.
    'Your answers had no examples of your own part.',
    'The role requires someone who can start on Monday.',
  ])('does not in "%s"', (text) => {
    expect(lacksQualification(text)).toBe(false);
  });
});
