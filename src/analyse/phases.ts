// Free-text stage values ("Telephone interview", "CV sift", "AC day 2") mapped to the phases the
// seeds distinguish: not getting interviews (application, testing) versus losing at interview.

import type { Phase } from './model.js';

export const PHASES: readonly Phase[] = ['application', 'testing', 'interview', 'assessment', 'other'];

export const PHASE_LABELS: Record<Phase, string> = {
  application: 'Application / CV screening',
  testing: 'Online tests',
  interview: 'Interview',
  assessment: 'Assessment centre',
  other: 'Other / not recorded',
};

/** Checked in order: "psychometric assessment" and "online assessment" are tests, "CV screening" an application,
 * "screening interview" an interview. */
const PHASE_RULES: readonly [Phase, RegExp][] = [
  [
    'testing',
    /\b(online (test|assessment|exercise|task|game|stage)s?|e-?tray|coding (test|challenge|assessment)|tests?\b|testing|psychometric|aptitude|numerical|verbal reasoning|logical reasoning|situational judg(e)?ment|sjt|game[- ]based)/i,
  ],
  // Applicant-tracking systems' stages too: "Onsite", "Superday", "Hiring Manager Screen" (a call).
  [
    'interview',
    /\b(interview|phone screen|telephone|phone|video call|video|panel|on-?site|super ?day|final round|(recruiter|hiring manager|hr) (screen|call))\b/i,
  ],
  ['assessment', /\b(assessment (centre|center|day)|assessment|case study|presentation|group exercise|in[- ]tray|\bac\b)/i],
  // "Hiring Manager Review", "Recruiter Review": the CV read, before any interview.
  [
    'application',
    /\b(application|applied|cv|résumé|resume|screening|sift|cover letter|covering letter|form|review|shortlisting|long-?list)\b/i,
  ],
  // German, French, Spanish and Dutch exports, whose compounds hide the word inside a longer one
  // ("Telefoninterview", "Vorstellungsgespräch", "Bewerbungsunterlagen").
  ['testing', /(eignungstest|einstellungstest|online-?test|tests? en ligne|prueba|sollicitatietest)/i],
  ['interview', /(interview|gespräch|entretien|entrevista|gesprek)/i],
  ['assessment', /(assessment|fallstudie|étude de cas|caso práctico|centre d'évaluation)/i],
  ['application', /(bewerbung|lebenslauf|anschreiben|candidature|\bdossier|solicitud|currículum|sollicitatie|vorauswahl|présélection)/i],
];

export function phaseOfStage(stage: string | null): Phase {
  if (stage === null) return 'other';
  const text = stage.trim();
  if (text === '') return 'other';
  for (const [phase, pattern] of PHASE_RULES) {
    if (pattern.test(text)) return phase;
  }
  return 'other';
}

export const BEFORE_INTERVIEW: readonly Phase[] = ['application', 'testing'];
export const AT_INTERVIEW: readonly Phase[] = ['interview', 'assessment'];
