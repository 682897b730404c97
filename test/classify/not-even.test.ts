import { describe, expect, it } from 'vitest';
import { dismissesEmphatically } from '../../src/classify/not-even.js';
import { segmentItems } from '../../src/classify/units.js';

describe('dismissesEmphatically', () => {
  it('finds a "not even" said of no candidate', () => {
    expect(dismissesEmphatically('Not even a conversation.')).toBe(true);
    expect(dismissesEmphatically('So many candidates are having such breaks, the panel has not even discussed.')).toBe(true);
    expect(dismissesEmphatically("You didn't even look at our website.")).toBe(false);
    expect(dismissesEmphatically('She never so much as opened the pack.')).toBe(false);
    expect(dismissesEmphatically('Not a conversation we had.')).toBe(false);
    // Its subject, when it has one, is the employer's side, nobody or the topic asked.
    expect(dismissesEmphatically('It was not even discussed.')).toBe(true);
    expect(dismissesEmphatically('The candidate had not even read the job description.')).toBe(false);
    expect(dismissesEmphatically('Applicant had not even looked at our website.')).toBe(false);
    expect(dismissesEmphatically('Priya did not even show up.')).toBe(false);
  });

  it('takes a negation of degree that closes its clause as emphatic, not one before what it grades', () => {
    expect(dismissesEmphatically('Not remotely.')).toBe(true);
    expect(dismissesEmphatically('Not at all.')).toBe(true);
    expect(dismissesEmphatically('Not at all realistic for the band.')).toBe(false);
    expect(
      segmentItems([{ id: 'r', text: 'Was it the $88k you asked for? Not remotely.' }], ['logistics'])[0]!.segments.map(
        (s) => s.praiseOnly,
      ),
    ).toEqual([true, true]);
  });
});
