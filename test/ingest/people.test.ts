import { describe, expect, it } from 'vitest';
import { isPersonNameHeader } from '../../src/ingest/people.js';
import { COLUMN_SYNONYMS } from '../../src/ingest/synonyms.js';

describe('isPersonNameHeader', () => {
  it('reads a header naming a person as a name column', () => {
    for (const header of ['Name', 'Student name', 'Nombre', 'Naam']) expect(isPersonNameHeader(header), header).toBe(true);
  });

  it('never reads the name of an employer, in any language an employer column is read in, as a person', () => {
    const oneWord = COLUMN_SYNONYMS.employer.filter((synonym) => !synonym.includes(' '));
    expect(oneWord.length).toBeGreaterThan(5);
    for (const word of oneWord) expect(isPersonNameHeader(`${word} name`), word).toBe(false);
    expect(isPersonNameHeader('Nombre del empleador')).toBe(false);
  });

  it('never reads the name of a programme, file or site as a person', () => {
    for (const header of ['Programme name', 'File name', 'Site name', 'Course name'])
      expect(isPersonNameHeader(header), header).toBe(false);
  });
});
