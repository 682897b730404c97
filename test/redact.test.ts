import { describe, expect, it } from 'vitest';
import { redactItems, redactRejects, redactText } from '../src/redact.js';
import type { FeedbackItem } from '../src/types.js';

describe('redactText', () => {
  it.each([
    ['Contact jane.doe@example.com for details.', 'Contact [email] for details.'],
    ["Email o'brien+hr@mail.northgate.gov.uk today", 'Email [email] today'],
    ['Call me on 07700 900123 if you want to discuss.', 'Call me on [phone] if you want to discuss.'],
    ['Our office is on +44 20 7946 0958.', 'Our office is on [phone].'],
    ['Ring (020) 7946 0958 or 0161-496-0000.', 'Ring [phone] or [phone].'],
    ['US office: +1 (555) 123-4567, or 555-123-4567.', 'US office: [phone], or [phone].'],
    ['Paris: +33 1 23 45 67 89', 'Paris: [phone]'],
    ['Dial 0044 7700 900123', 'Dial [phone]'],
  ])('redacts %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'The salary expectation of £32,000 was above our band of 25,000-28,000.',
    'You scored 7/10 on the case study in March 2026.',
    'We interviewed 12 candidates on 14/03/2026 for role 2026-118.',
    'Candidate S1042 has applied 3 times since 2025.',
    'Reference number 123456789012 is an internal id.',
  ])('leaves ordinary numbers alone: %s', (input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('redactItems / redactRejects', () => {
  const item: FeedbackItem = {
    id: 'R1', candidate: 'S1', cohort: null, stage: null, employer: null, role: null, date: null,
    text: 'Write to hr@acme.co.uk.', source: 'a.csv', line: 2,
  };

  it('redacts item texts without touching other fields', () => {
    const [out] = redactItems([item]);
    expect(out.text).toBe('Write to [email].');
    expect(out.id).toBe('R1');
    expect(item.text).toBe('Write to hr@acme.co.uk.');
  });

  it('redacts the raw text of rejected rows', () => {
    const [out] = redactRejects([{ source: 'a.csv', line: 3, reason: 'empty feedback text', raw: 'R2,S9,x@y.com,' }]);
    expect(out.raw).toBe('R2,S9,[email],');
  });
});
