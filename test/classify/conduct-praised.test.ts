import { describe, expect, it } from 'vitest';
import { conductOfAClass } from '../../src/classify/conduct-job.js';
import { conductOnlyPraised, conductWavedAside, ownConductNotFound } from '../../src/classify/conduct-praised.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('conductOnlyPraised: the candidate’s conduct named only to praise it', () => {
  it.each([
    'Your behaviour on the day could not have been more professional.',
    'cand fine on the day - on time, polite. hm says no: wants someone who’s done school finance, she’s come from retail',
    'the manager said my timekeeping and attitude on the trial were spot on',
    'dress fine. punctual. just zero idea what we make. hadn’t looked at the site apparently',
    'You came across as warm and professional.',
    // A score sheet's field and its verdict.
    'Arrived: 5 mins early - yes',
    'Arrival: 15 min early',
    'Dress: appropriate',
    'Uniform: correct - yes',
  ])('"%s" holds no conduct', (text) => {
    expect(conductOnlyPraised(text)).toBe(true);
    expect(readSegment(text, DEFAULT_THEME_IDS).ruledOut).toContain('conduct');
  });

  it.each([
    // Conduct faulted, denied or asked for, or said in another clause.
    'You were on time, but your attitude to the receptionist was poor.',
    'Punctual and polite, but you arrived in a hoodie.',
    'You were polite but turned up late.',
    'Your dress was fine but you were on your phone throughout.',
    'For a front counter job he needs someone a bit more professional with the public.',
    'Your punctuality was not good enough.',
    'Arrived: 20 mins late',
    'Dress: too casual',
    'Arrived early but chewing gum in the interview.',
    // A virtue qualifying a noun, or a title, praises no conduct.
    'Professional presentation 2/5.',
    'Sent a polite chaser, then another.',
    'Successful cand holds AWS Solutions Architect Professional; cand has Associate only',
    'We need someone available to start in early September.',
    'The role needs a bit more hands-on time managing budgets.',
  ])('"%s" is not conduct praised', (text) => {
    expect(conductOnlyPraised(text)).toBe(false);
  });
});

describe('conductWavedAside: conduct the sentence itself sets aside', () => {
  it.each([
    'HM said the interview before hers ran 25 min over so cand was seen late - not held against her at all.',
    'RSN: ASMT - SJT below cut | NOTE: reception flagged late arrival; HM says disregard, rail strike',
  ])('"%s" waves its conduct aside', (text) => {
    expect(conductWavedAside(text)).toBe(true);
    expect(readSegment(text, DEFAULT_THEME_IDS).ruledOut).toContain('conduct');
  });

  it.each([
    'You arrived 20 minutes late, and we couldn’t disregard that.',
    'Late and rude to reception - that was held against you.',
    'The panel chose to disregard your CV gap.',
  ])('"%s" does not', (text) => {
    expect(conductWavedAside(text)).toBe(false);
  });
});

describe('conductOfAClass: conduct of the people the job deals with', () => {
  it.each([
    'Patients who don’t turn up for appointments are the clinic’s biggest headache, and whoever we appoint designs the follow-up.',
    'A big part of the role is calming down patients who get aggressive at A&E reception, and you haven’t worked front-line in a healthcare setting.',
    'As a duty manager you’d be responsible for handling disciplinaries and staff who turn up drunk or late.',
  ])('"%s" holds no conduct of the candidate', (text) => {
    expect(conductOfAClass(text)).toBe(true);
    expect(ownConductNotFound(text, text)).toBe(true);
  });

  it.each([
    'Candidates who arrive late are not considered, and you arrived at 10:40.',
    'Staff who turn up late are a problem, and you were late twice.',
    'The customer who was rude to you was not the reason.',
    'You were rude to patients who were waiting.',
  ])('"%s" does not', (text) => {
    expect(conductOfAClass(text)).toBe(false);
  });
});

describe('ownConductNotFound: conduct praised in the whole sentence', () => {
  it('reads the praise in the sentence as written, though its praise clauses were left out of the text read', () => {
    const whole = 'dress fine. punctual. just zero idea what we make. hadn’t looked at the site apparently';
    const read = 'dress fine just zero idea what we make hadn’t looked at the site apparently';
    expect(conductOnlyPraised(read)).toBe(false);
    expect(ownConductNotFound(read, whole)).toBe(true);
    expect(readSegment(read, DEFAULT_THEME_IDS, whole).ruledOut).toContain('conduct');
  });
});
