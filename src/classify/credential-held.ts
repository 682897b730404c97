// What the other candidate had is a credential: "the successful candidate is holding PMP", "an
// applicant who already holds her AHPRA registration", "the other one had her forklift and first
// aid tickets", "a candidate who speaks fluent Welsh". By the labels the comparison then says the
// candidate lacked a qualification as well as that someone else was chosen (`qualifications` beside
// `competition`), as work history the other had says `experience` (comparison.ts). A licence to
// drive and the documents sent are not it (logistics, the application), nor years since one.

import { straightenQuotes } from './lexical/text.js';

const CREDENTIAL =
  /\b(?:licen[cs]e[sd]?|degree|diploma|certificat\w*|certs?|qualifications?|qualified|registration|accreditation|chartered|chartership|tickets?|masters?|bachelor'?s|phd|pmp|prince2|cipd|acca|aca|cima|cfa|qts|cscs|smsts|cert\s+(?:i{1,3}|iv|[1-4])|(?:level|l)\s*[2-7])\b|\bspeaks?\s+(?:fluent\s+)?[a-z]+\b|\bnative\s+[a-z]+\s+speaker\b/i;
// Held, not sent or missed: "has", "holds", "had … already", "is already ACCA-chartered", "finished CIMA".
const HELD = /\b(?:has|had|have|holds?|holding|held|having|got|already|passed|finished|completed|is|was|speaks?|native)\b/i;
// …nor one as well qualified, years or a decade in a field, or tickets worked on ("L2 support tickets").
const NOT_QUALIFICATION =
  /\b(?:driv\w*|car|van|minibus|vehicle|clean)\b|\bclearance\b|\bresiden\w*|\bpost-?(?:registration|qualification)\b|\b(?:equally|as)\s+(?:well\s+)?qualified\b|\bdecades?\b|\b(?:support|service|jira)\s+tickets\b/i;

/** Whether what the other candidate had (a comparison's subject) is a credential they held. */
export function holdsCredential(subject: string): boolean {
  const plain = straightenQuotes(subject);
  return CREDENTIAL.test(plain) && HELD.test(plain) && !NOT_QUALIFICATION.test(plain);
}
