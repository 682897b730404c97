// A qualification the candidate lacks, or one the role requires, named by its kind: "no asbestos
// certificate", "the role needs a current Gas Safe registration and yours lapsed", "you are not having
// the mandatory B.Tech", "the post requires an active nursing licence". That is `qualifications`,
// however briefly put. Read by grammar: a lack (no, without, not having, don't hold) or a requirement
// (requires, needs, mandatory) of a credential by its kind (licence, degree, certificate,
// registration, ticket, card), or the credential's state (pending, lapsed, expired).
// Not a driving licence or a vehicle, nor security clearance (residency): those are logistics.

import { straightenQuotes } from './lexical/text.js';

const CREDENTIAL = String.raw`(?:licen[cs]e|degree|diploma|certificat\w*|certs?|qualification|registration|accreditation|chartered\s+status|ticket|admission|card|masters?|bachelor'?s|phd|b\.?tech|m\.?sc|b\.?sc)`;
const LACK = String.raw`\b(?:no|without|not\s+(?:having|holding|yet\s+(?:got|holding|having))|lacks|lacking|lack(?!\s+of)|missing|doesn't\s+(?:have|hold)|don't\s+(?:have|hold)|hasn't\s+got|haven't\s+got)`;
const REQUIRED = String.raw`\b(?:requires?|required|needs?|mandatory|essential|insists?\s+on|must\s+(?:have|hold))`;
const STATE = String.raw`(?:pending|lapsed|expired|not\s+(?:yet\s+)?(?:held|obtained|completed|recognised|valid))`;
const CREDENTIAL_NAMED = new RegExp(
  String.raw`${LACK}\s+(?:[\w.+-]+\s+){0,3}?${CREDENTIAL}\b|${REQUIRED}\s+(?:[\w.+-]+\s+){0,4}?${CREDENTIAL}\b|\b${CREDENTIAL}\s+(?:(?:is|was|has)\s+)?(?:(?:still|now)\s+)?(?:been\s+)?${STATE}\b|\b${CREDENTIAL}\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:mandatory|essential|required|needed)\b`,
  'i',
);
// A licence to drive (or one named by nothing but its article) and what the vehicle or residency
// needs are logistics by the labelling conventions.
const LOGISTICS_CREDENTIAL =
  /\b(?:driv\w*|car|van|minibus|vehicle|clean)\b|\b(?:an?|your|his|her)\s+licen[cs]e\b|\bon\s+(?:your|his|her)\s+licen[cs]e\b|\bfull\s+(?:uk\s+|clean\s+)?licen[cs]e\b|\bclearance\b|\bresiden\w*/i;

// "Your lack of a master's" names a topic whose verdict follows ("…was the smallest of small print"), so
// only a verb of lacking counts. A question asks whether it was the credential; it does not say so ("asked the recruiter was it my lack of a degree").
const ASKED = /\?\s*$|\b(?:asked|ask|wondered|wondering)\b[^.;]{0,40}?\b(?:if|whether|was it|is it)\b/i;

/** Whether a sentence says the candidate lacks a credential, or the role requires one, by its kind. */
export function lacksQualification(text: string): boolean {
  const plain = straightenQuotes(text);
  return CREDENTIAL_NAMED.test(plain) && !LOGISTICS_CREDENTIAL.test(plain) && !ASKED.test(plain);
}
