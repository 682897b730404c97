import { describe, expect, it } from 'vitest';
import { phaseOfStage } from '../../src/analyse/phases.js';

describe('phaseOfStage', () => {
  it.each([
    ['Application', 'application'],
    ['CV screening', 'application'],
    ['Resume screening', 'application'],
    ['Sift', 'application'],
    ['online application form', 'application'],
    ['Cover letter', 'application'],
    ['Online test', 'testing'],
    ['Psychometric assessment', 'testing'],
    ['aptitude tests', 'testing'],
    ['Online Assessment', 'testing'],
    ['online assessments (numerical)', 'testing'],
    ['Online stage', 'testing'],
    ['Coding challenge', 'testing'],
    ['Telephone interview', 'interview'],
    ['phone screen', 'interview'],
    ['Video interview', 'interview'],
    ['FIRST INTERVIEW', 'interview'],
    ['Second interview', 'interview'],
    ['Final interview', 'interview'],
    ['Screening interview', 'interview'],
    ['Assessment centre', 'assessment'],
    ['Assessment Center', 'assessment'],
    ['Case study', 'assessment'],
    ['Presentation day', 'assessment'],
    ['Offer stage', 'other'],
    // Applicant-tracking systems' stage names.
    ['Hiring Manager Review', 'application'],
    ['Recruiter Review', 'application'],
    ['Shortlisting', 'application'],
    ['Onsite', 'interview'],
    ['On-site Interview', 'interview'],
    ['Superday', 'interview'],
    ['Final Round', 'interview'],
    ['Hiring Manager Screen', 'interview'],
    ['Recruiter call', 'interview'],
    ['Technical Test', 'testing'],
    ['Vorstellungsgespräch', 'interview'],
    ['Telefoninterview', 'interview'],
    ['Bewerbung', 'application'],
    ['Bewerbungsunterlagen', 'application'],
    ['Eignungstest', 'testing'],
    ['Entretien final', 'interview'],
    ['Candidature', 'application'],
    ['Entrevista', 'interview'],
    ['Sollicitatiegesprek', 'interview'],
    ['', 'other'],
  ])('%s → %s', (stage, phase) => {
    expect(phaseOfStage(stage)).toBe(phase);
  });

  it('treats a missing stage as other', () => {
    expect(phaseOfStage(null)).toBe('other');
  });
});
