// Details pasted from a form, hidden wherever redactText runs: identity numbers, dates of birth, addresses.
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/redact/index.js';
import { redactIdentity } from '../../src/redact/identity.js';
import { withoutContactPlaceholders } from '../../src/redact/text.js';

describe('redactText: identity numbers, dates of birth and addresses pasted from a form', () => {
  it.each([
    ['DOB 14/02/2003 on the form', 'DOB [birth-date] on the form'],
    ['Date of birth: 3 March 2004.', 'Date of birth: [birth-date].'],
    ['born on March 3, 2004', 'born on [birth-date]'],
    ['Geburtsdatum 03.03.2004', 'Geburtsdatum [birth-date]'],
    ['NI QQ 12 34 56 C.', 'NI [id-number].'],
    ['NI number AB123456C', 'NI number [id-number]'],
    ['SSN 123-45-6789 on the form', 'SSN [id-number] on the form'],
    ['Lives at 14 Acacia Avenue, London SW1A 1AA.', 'Lives at [address], London [address].'],
    ['221B Baker Street', '[address]'],
    ['Wohnt in der Hauptstraße 12, Berlin.', 'Wohnt in der [address], Berlin.'],
  ])('%j → %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'You scored 38% on the SQL test; the pass mark is 60%.',
    'A Level 3 award and 2 years of experience.',
    'Salary £28,500–£32,000, start 12/03/2026, interview 3 March 2026.',
    'Reference 2024-01-0118 and REQ-118; he was born in 2003.',
    'Python 3, Excel 2016 and a B2B sales role.',
  ])('keeps %j', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('leaves their placeholders out of what is scored', () => {
    expect(withoutContactPlaceholders('Lives at [address], too far; DOB [birth-date], NI [id-number].')).toBe(
      'Lives at, too far; DOB, NI.',
    );
  });
});

describe('redactIdentity', () => {
  it('leaves text with no such detail as it is', () => {
    expect(redactIdentity('Your CV was not tailored to the role.')).toBe('Your CV was not tailored to the role.');
  });
});
