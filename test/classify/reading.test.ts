import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayBeEmployerNote, readSegment, readsAsSilence } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';
import { parseCsv } from '../helpers/csv.js';

const read = (text: string) => readSegment(text, DEFAULT_THEME_IDS);

describe('readSegment: an employer’s silence', () => {
  it.each([
    'I never heard back after the interview even though I emailed twice.',
    'They stopped replying to my emails after the second interview.',
    'Ghosted after the final round.',
    'Chased HR three times for an outcome and finally got a two-line rejection.',
    'i emailed to ask how it went and got nothing back so no idea why',
    'Left two voicemails for the recruiter about the outcome, neither returned.',
    'Not a word from them since the assessment centre.',
    "They said they'd email feedback but never did.",
    'The trust lost my ID documents, then withdrew the conditional offer without saying why.',
    "I didn't get through and nobody told me how I'd scored.",
  ])('"%s" is a silence note', (text) => {
    expect(read(text)).toMatchObject({ silence: true, asserted: [], ruledOut: [] });
  });

  it.each([
    // The candidate's own silence, as the employer describes it.
    "We couldn't reach you to confirm the interview time, and you didn't respond to our emails.",
    'Candidate no-showed the client meeting this morning and isn’t answering.',
    'VI not completed by deadline despite 3 reminders; no response to calls',
    // A note that passes on a reason.
    'The recruiter said my CV was too long and I never heard why it mattered.',
    'they said my python wasnt strong enough and i need spark for the data eng role',
  ])('"%s" is not', (text) => {
    expect(read(text).silence).toBe(false);
  });

  it('readsAsSilence says what readSegment says of silence, on every labelled clause', () => {
    const clauses = parseCsv(readFileSync('data/eval/clause-roles.csv', 'utf8')).map((row) => row.text!);
    const silences = clauses.filter((text) => read(text).silence);
    expect(silences.length).toBeGreaterThan(50);
    expect(clauses.filter((text) => readsAsSilence(text))).toEqual(silences);
  });
});

describe('readSegment: conduct is the candidate’s own behaviour', () => {
  it.each([
    'The hiring manager was 20 minutes late to my interview and rushed through the questions.',
    'Interviewer spent most of the time on his phone.',
    'My phone interview was cancelled twice by them.',
    'The panel turned up late and the room was double-booked.',
    // The employer's side as the subject, whatever it did.
    'The interviewer swore twice and took a call from his wife.',
    'Interview panel was late, half of them were on laptops.',
    'The HR lady was quite rude on the phone to me.',
    'The receptionist had no record of my appointment and I waited an hour.',
    // The employer apologising for its own side, and "they'd" doing something in a clause of the note.
    'Sorry that our panel ran late on the day.',
    'I arrived on time and they had double-booked the interview room.',
  ])('rules conduct out of "%s"', (text) => {
    expect(read(text).ruledOut).toEqual(['conduct']);
  });

  it.each([
    'You arrived 30 minutes late and did not call ahead.',
    'Panel note: arrived 25 min late, no apology.',
    'Client rang: candidate turned up in jeans and was on his phone in reception.',
    'My fault really - I got the time wrong and turned up an hour late.',
    // The employer's side passing on a judgement of the candidate.
    'The panel noted he arrived late and was dismissive of the receptionist.',
    'Hiring manager felt he was rude to the team.',
    'They had noticed he arrived late.',
    'Apologies, the panel felt he was late.',
    'The HR lady said he was rude to reception.',
  ])('keeps conduct possible in "%s"', (text) => {
    expect(read(text).ruledOut).toEqual([]);
  });
});

describe('readSegment: a comparison keeps its subject', () => {
  it.each([
    [
      'Other applicants had more hands-on experience in a client-facing setting.',
      'had more hands-on experience in a client-facing setting',
    ],
    [
      'The person we appointed already holds the CIPD Level 5 qualification we ask for.',
      'already holds the CIPD Level 5 qualification we ask for',
    ],
    // The subject lies within the comparison's own clause (the other clause is scored as a unit of its own).
    ['We appointed someone who has managed a team of ten; you have managed two people.', 'has managed a team of ten'],
    [
      "None of the panel had any worry about how you'd get on with the team; we went with someone who holds the PRINCE2 certificate.",
      'holds the PRINCE2 certificate',
    ],
    ['The successful candidate’s values matched ours more closely.', 'values matched ours more closely'],
  ])('"%s" is competition, with its subject scored', (text, subject) => {
    expect(read(text).asserted).toContain('competition');
    expect(read(text).subject).toBe(subject);
  });

  it('asserts experience too where what the other had is work history', () => {
    expect(read('The other finalist had already run a ward of this size.').asserted).toEqual(['competition', 'experience']);
    // A credential the other held is `qualifications`, not work history (credential-held.ts).
    expect(read('The person we appointed already holds the CIPD Level 5 qualification.').asserted).toEqual([
      'competition',
      'qualifications',
    ]);
    // A missing skill named as "experience with Python" is the skill, not work history.
    expect(read('The other applicant had more experience with Python, which you lack.').asserted).toEqual([
      'qualifications',
      'competition',
    ]);
  });

  it('asserts competition on "stronger than yours" and "went to someone with"', () => {
    expect(read('Her presentation at the assessment centre was stronger than yours.').asserted).toEqual(['competition']);
    expect(read('The role went to someone with more experience in the sector.').asserted).toEqual(['competition', 'experience']);
  });

  it.each([
    'After careful consideration, we have decided to pursue other candidates.',
    'We regret that other applicants whose experience better meets our needs have been shortlisted.',
    'We need someone who has already managed a team.',
    'You prefer working alone rather than with others.',
  ])('does not read boilerplate or a requirement as a comparison: "%s"', (text) => {
    expect(read(text).asserted).not.toContain('competition');
    expect(read(text).subject).toBeNull();
  });

  it('reads a requirement of work done as experience, not competition', () => {
    expect(read('We need someone who has already managed a team.').asserted).toEqual(['experience']);
  });

  it('applies no rule for a theme the taxonomy does not have', () => {
    expect(readSegment('Other applicants had more experience.', ['experience']).asserted).toEqual([]);
    expect(readSegment('The interviewer was late.', ['experience']).ruledOut).toEqual([]);
  });
});

describe('readSegment: time spent in a kind of work or setting, or work not yet done, is experience', () => {
  it.each([
    'no forklift licence, no warehouse time. not for now',
    'Not enough ward time yet, mostly outpatients.',
    'no retail exp at all',
    'They want more time in a live environment before trusting you with on-call.',
    // Work the candidate has not yet done.
    "she's never run a kitchen on a Saturday night",
    'You have not yet supervised anyone, and this post line-manages six.',
    'only ever built demos, nothing in production',
  ])('asserts experience in "%s"', (text) => {
    expect(read(text).asserted).toContain('experience');
  });

  it.each([
    'Sadly it is a no this time.',
    'You needed more preparation time for the case study.',
    'Returned incomplete - no employment history on the form.',
    'You have no experience with Python, which is essential.',
    'You never managed to answer the question about budgets.',
  ])('does not in "%s"', (text) => {
    expect(read(text).asserted).not.toContain('experience');
  });
});

describe('readSegment: how long the candidate would stay is commitment, not experience', () => {
  it.each([
    "We need someone who'll stay for the full two-year programme.",
    'said he would quit once his course place is confirmed. need someone for 2 yrs min',
    'The panel saw this as a stepping stone for you.',
    'Risk of early leaving: high',
  ])('rules experience out of "%s"', (text) => {
    expect(read(text).ruledOut).toContain('experience');
  });

  it.each([
    "Overqualified for the grade, and the manager doubts she'd stay.",
    'You have two years of experience and we need someone who will stay on as a senior.',
    'We need five years in the sector.',
  ])('keeps experience possible where work done or seniority is named too: "%s"', (text) => {
    expect(read(text).ruledOut).not.toContain('experience');
  });
});

describe('readSegment: a missing technical skill is a qualification', () => {
  it.each([
    'no python, no Spark. needs both day one',
    'Python and Spark are essential and you have neither.',
    'The technical interview showed you haven’t used Spark and your SQL is basic.',
  ])('asserts qualifications for "%s"', (text) => {
    expect(read(text).asserted).toEqual(['qualifications']);
  });

  it('reads "experience with Python" as the skill, unless work history is named too', () => {
    expect(read('The panel felt you lacked experience with Python and Spark, which are essential for this role.').ruledOut).toEqual([
      'experience',
    ]);
    expect(read('You lacked experience with Python and have only a year in industry.').ruledOut).toEqual([]);
  });

  it('rules qualifications out of a sentence about work history that names none', () => {
    expect(read('Your roles so far have been for one small charity rather than a national body.').ruledOut).toContain('qualifications');
    expect(read('No ACCA, and your roles have been in small firms.').ruledOut).not.toContain('qualifications');
  });

  it('reads a tool named as years of work as experience, not a missing skill', () => {
    expect(read('The other finalist had 4 yrs as a Tableau developer, you have none.').asserted.sort()).toEqual([
      'competition',
      'experience',
    ]);
    expect(read('No Tableau, and the team has no time to train you.').asserted).toEqual(['qualifications']);
  });

  it('needs the shortfall next to the skill', () => {
    expect(read('You have two years of Python experience but no team management.').asserted).not.toContain('qualifications');
    // Managing people is work history, not the skill.
    expect(read('Your Excel is fine, but you have no experience of managing people.').asserted).toEqual(['experience']);
  });
});

describe('readSegment: words that only look like skills', () => {
  it.each([
    'Came across as going through the motions — no real spark about the work itself.',
    'Your CV didn’t mention any of the systems in the ad — even though you told me you’ve used SAP for years.',
  ])('"%s" is not a missing skill', (text) => {
    expect(read(text).asserted).toEqual([]);
  });
});

describe('mayBeEmployerNote', () => {
  it('takes the employer writing of its own side for a possible note, but not a sentence about the candidate', () => {
    expect(mayBeEmployerNote('Our meeting room was double-booked, so apologies for the rush.')).toBe(true);
    expect(mayBeEmployerNote('I waited an hour in reception.')).toBe(true);
    // A promise of news passes on no reason; what they said of the candidate does.
    expect(mayBeEmployerNote("Still waiting, they said I'd hear by Friday.")).toBe(true);
    expect(mayBeEmployerNote("They said I'd been too quiet in the interview.")).toBe(false);
    expect(mayBeEmployerNote('We started without him as he was late.')).toBe(false);
    expect(mayBeEmployerNote('You were late and we noticed.')).toBe(false);
    expect(mayBeEmployerNote('20 min late no call')).toBe(false);
  });

  it("takes the candidate's arrangement done to them for a possible note, with or without its article", () => {
    expect(mayBeEmployerNote('Final interview with the CEO was called off by her assistant the day before.')).toBe(true);
    expect(mayBeEmployerNote('The assessment day was postponed twice.')).toBe(true);
    expect(mayBeEmployerNote('Your interview was cancelled because you did not confirm.')).toBe(false);
  });

  it('takes he or she as a subject, in a note nobody writes in the first person, for the candidate it is about', () => {
    const clause = 'and when their coordinator asked about it he replied with a pretty aggressive email';
    expect(mayBeEmployerNote(clause)).toBe(false);
    expect(mayBeEmployerNote('Client binned her: she turned up without the portfolio and the panel noticed.')).toBe(false);
    // In the writer's own note he or she is the employer's side; a promise of news is too.
    expect(mayBeEmployerNote('I asked the recruiter and she never got back to me.')).toBe(true);
    expect(mayBeEmployerNote("The recruiter said she'd chase the client.")).toBe(true);
    expect(mayBeEmployerNote('Their coordinator asked about it twice.')).toBe(true);
  });

  it('takes what was said of the writer a few words on, as the subject of a clause, for a reason passed on', () => {
    expect(mayBeEmployerNote("They said the fact I forgot to mute and swore on the Teams call didn't help.")).toBe(false);
    expect(mayBeEmployerNote("HR said the team felt I'd struggle with how fast things move there.")).toBe(false);
    expect(mayBeEmployerNote('The interviewer said it sounded like I was waiting for the police intake.')).toBe(false);
    // The writer's own word, a question asked, nothing passed on, or a promise of news: still a possible note.
    expect(mayBeEmployerNote("Recruiter put me forward for a job I'd said twice I wasn't interested in.")).toBe(true);
    expect(mayBeEmployerNote("My interviewer seemed to have not read my CV and asked where I'd studied twice.")).toBe(true);
    expect(mayBeEmployerNote("I didn't get through and nobody told me how I'd scored.")).toBe(true);
    expect(mayBeEmployerNote('The recruiter told the client I would call on Monday.')).toBe(true);
  });

  it('takes "he\'d" or "she\'d" before a past participle for "had": what the candidate had done, not a promise', () => {
    expect(mayBeEmployerNote("Also, he'd emailed the HR manager quite sharply asking why nobody had called him.")).toBe(false);
    expect(mayBeEmployerNote("The manager also said she'd been chewing gum through the whole interview.")).toBe(false);
    expect(mayBeEmployerNote("Declined as she'd need sponsorship from day one and they don't sponsor for this band.")).toBe(true);
    expect(mayBeEmployerNote("The recruiter said she'd chase the client.")).toBe(true);
  });
});

describe("readSegment: more of the employer's side", () => {
  it.each([
    // The employer's side as subject of a clause after a conjunction.
    'Assessment centre ran 90 minutes over because the assessors were late back from lunch.',
    // The candidate's arrangements, done to them.
    'The room was double-booked so we ended up in a corridor.',
    'My second interview was cancelled the night before.',
  ])('rules conduct out of "%s"', (text) => {
    expect(read(text)).toMatchObject({ ruledOut: ['conduct'], employerSide: true });
  });

  it.each([
    'Candidate arrived late because the train was delayed.',
    'The panel felt he arrived late and the assessors noted his phone.',
    'Your interview was cut short because you arrived late.',
  ])('not out of "%s"', (text) => {
    expect(read(text).ruledOut).toEqual([]);
  });

  it("reads a note labelled as the candidate's own as written by them", () => {
    expect(read("Candidate's note: chased x3 by email, x1 by phone, nothing.").silence).toBe(true);
    expect(read('Candidate: chased for a start date x3, no reply from her.').silence).toBe(false);
  });

  it('takes a note that opens with what the writer received for a possible note about the employer', () => {
    expect(mayBeEmployerNote('Got a calendar invite, then a cancellation, then a message saying the post had gone.')).toBe(true);
    expect(mayBeEmployerNote('Arrived 20 mins late, then a cancellation of the second slot.')).toBe(false);
  });

  it('does not take a relay of what was said of the candidate for a note about the employer', () => {
    expect(mayBeEmployerNote('Site manager said he turned up in trackies and kept checking his phone.')).toBe(false);
    expect(mayBeEmployerNote('Got told I was too casual in my emails to the recruiter.')).toBe(false);
    // A promise the employer's side made is not a relay.
    expect(mayBeEmployerNote("Recruiter said she'd chase the client and then went silent.")).toBe(true);
    // In a note the candidate wrote, he or she is the employer's side.
    expect(mayBeEmployerNote("Emailed twice, nothing. LinkedIn says she's seen my message.")).toBe(true);
  });

  it("needs the employer's side as who acted, not only where something went", () => {
    expect(mayBeEmployerNote('NS - no show for 10:30 panel, no contact before or after')).toBe(false);
    expect(mayBeEmployerNote('The client apologised for the interviewer being late.')).toBe(true);
    expect(mayBeEmployerNote('The panel cancelled on the morning.')).toBe(true);
  });

  it("does not take a note that owns up to the writer's own lateness for one about the employer", () => {
    expect(mayBeEmployerNote('My fault really - I got the time wrong and turned up an hour late.')).toBe(false);
    expect(mayBeEmployerNote('I turned up on time and they had lost my slot.')).toBe(true);
  });
});

describe("readSegment: the employer's side, read from who wrote and who acts", () => {
  it('reads talent and recruitment teams as the employer’s side', () => {
    expect(read('Talent acquisition team cancelled my interview twice.')).toMatchObject({ ruledOut: ['conduct'], employerSide: true });
    expect(read('Recruitment team moved the assessment day three times.')).toMatchObject({ ruledOut: ['conduct'], employerSide: true });
  });

  it('does not take words quoted from someone else for the note’s own', () => {
    expect(read("The hiring manager never turned up and HR sent a 'we have chosen other candidates' email.")).toMatchObject({
      ruledOut: ['conduct'],
      employerSide: true,
    });
  });

  it('reads "Candidate reports…" as written by the candidate, unless it reports of them', () => {
    expect(mayBeEmployerNote('Candidate reports interviewer was eating throughout.')).toBe(true);
    expect(mayBeEmployerNote('Candidate reports she was late because of the trains.')).toBe(false);
  });
});

describe("readSegment: the employer's apology for its own side", () => {
  it('rules conduct out where the employer apologises for what its side did, even to the candidate', () => {
    expect(read('The assessor should not have checked her phone during your task, and I am sorry.').ruledOut).toContain('conduct');
    expect(read('I am sorry to tell you the panel felt you were late.').ruledOut).toEqual([]);
  });
});

describe("readSegment: the employer's side in what is relayed and in the writer's own apology", () => {
  it('rules conduct out where the employer apologises at the end of the sentence for what its side did', () => {
    expect(read("Our recruiter texted your cell at 10pm, which she shouldn't have, and we apologize.").ruledOut).toContain('conduct');
    expect(read('You texted the recruiter at 10pm and we apologize for the delay in replying.').ruledOut).toEqual([]);
  });

  it("reads the one acting on the other's interview as the employer's side: he late to her interview, she kept him waiting", () => {
    expect(read("Spoke to Chloe's HM: he admits he was twenty minutes late to her interview and apologises.").ruledOut).toContain(
      'conduct',
    );
    expect(read('The manager says she kept him waiting an hour in reception.').ruledOut).toContain('conduct');
    expect(read('HM says he was twenty minutes late to his interview.').ruledOut).toEqual([]);
  });

  it('reads what the candidate relays of someone named acting on them as the employer acting', () => {
    expect(read('Recruiter note: she says the client kept her waiting in reception for half an hour').ruledOut).toContain('conduct');
    expect(read('She reckons the bloke interviewing her was chewing gum the whole time.').ruledOut).toContain('conduct');
    expect(read('she says the client thought she was late').ruledOut).toEqual([]);
    // The employer's side passing on its own judgement is no relay of the candidate's.
    expect(read('HR said the manager was put off that I was late.').ruledOut).toEqual([]);
  });
});

describe('mayBeEmployerNote and silence: whose note it is', () => {
  it('is no note about the employer where lateness is held by no one named, or the note is labelled by its writer', () => {
    expect(mayBeEmployerNote('late, then snapped at the panel when they asked about it')).toBe(false);
    expect(mayBeEmployerNote('Panel note: arrived 25 min late, no apology.')).toBe(false);
    expect(mayBeEmployerNote("Rej - walked out before the test finished, said 'not for me'")).toBe(false);
    expect(mayBeEmployerNote('The panel kept me waiting for an hour.')).toBe(true);
  });

  it('passes on a judgement of the writer a few words on, and reads the writer’s own silence as no employer’s silence', () => {
    expect(mayBeEmployerNote('HR said the manager was put off that I was late.')).toBe(false);
    expect(mayBeEmployerNote("Agency passed on that I'd been short with the receptionist.")).toBe(false);
    expect(read("Train was cancelled but I didn't call ahead, so I get it.").silence).toBe(false);
    expect(read("I chased twice and they didn't reply.").silence).toBe(true);
  });
});

describe("readSegment: the employer's own people, named by whose they are", () => {
  it('rules conduct out where our foreman, a member of our team or the client’s HR acts, whatever their job', () => {
    expect(read("Our foreman swore at her during the site tour, which he shouldn't have done.").ruledOut).toContain('conduct');
    expect(
      read('When the candidate arrived, a member of our team was arguing loudly on the phone; she has since apologised to him.').ruledOut,
    ).toContain('conduct');
    expect(read("Candidate upset: says the client's HR took a call and ate a sandwich during her interview.").ruledOut).toContain(
      'conduct',
    );
    // What one of them judged of the candidate is no act of theirs.
    expect(read('When the candidate arrived, a member of our team noticed he was late.').ruledOut).toEqual([]);
  });

  it('reads a role named with its holder in brackets, relaying of another sex than the candidate, as its own account', () => {
    expect(read('Her interviewer (Gareth) says he turned up in gym kit, and apologises.').ruledOut).toContain('conduct');
    expect(read('Her interviewer (Gareth) says she turned up in gym kit.').ruledOut).toEqual([]);
  });

  it('reads them acting on the candidate, who holds no conduct, as the employer acting; not what they judged or hold', () => {
    expect(
      read('Bit of a mix-up - our receptionist told you to come in the back door and you ended up in the coolroom.').ruledOut,
    ).toContain('conduct');
    expect(read('Our receptionist told you to wait and you were rude to her.').ruledOut).toEqual([]);
    expect(read('Our receptionist said you were rude to her.').ruledOut).toEqual([]);
    expect(read('Our concern was that you arrived late.').ruledOut).toEqual([]);
    expect(read('Our values put respect first.').ruledOut).toEqual([]);
  });
});

describe('readSegment: candidates someone else had are not the candidate', () => {
  it("reads the interviewer acting while speaking of his previous candidates as the employer's side", () => {
    expect(read('Interviewer swore twice while describing his previous candidates.').ruledOut).toContain('conduct');
    expect(read('Interviewer swore twice while describing the candidate.').ruledOut).toEqual([]);
  });
});

describe('readSegment: the fault laid elsewhere, someone else on the candidate’s interview, and a role named with its holder', () => {
  it('rules conduct out where the sentence says it was not the candidate, or was on the employer’s end', () => {
    expect(read('The man before you left the door open and shouted in the corridor, we know this is not you.').ruledOut).toContain(
      'conduct',
    );
    expect(read('Two applicants arrived very late and one was rude at the front desk; neither was you.').ruledOut).toContain('conduct');
    expect(
      read("A complaint about 'a candidate on his phone the whole time' was the 11 o'clock, not Ayo - checked the log.").ruledOut,
    ).toContain('conduct');
    expect(read('NB: started 20 min late, panel’s fault (previous overran)').ruledOut).toContain('conduct');
    expect(read('the twenty-minute wait in reception (our end) was not held against him').ruledOut).toContain('conduct');
    expect(read('You arrived late and it was you who was rude at the front desk.').ruledOut).toEqual([]);
  });

  it('reads someone acting on her interview, the one interviewing him, and a role with its holder in brackets as the employer’s side', () => {
    expect(read("The boss turned up to her interview half cut from a work lunch, which we've had words about.").ruledOut).toContain(
      'conduct',
    );
    expect(read('Told Liam the bloke interviewing him turned up in boardies.').ruledOut).toContain('conduct');
    expect(read('The interviewer (Nadia, the clinical lead) rushed in late and apologised.').ruledOut).toContain('conduct');
    expect(read('panel lead (Sue) 25 mins late, no apology.').ruledOut).toContain('conduct');
    expect(read('The candidate turned up to her interview half cut from a work lunch.').ruledOut).toEqual([]);
  });
});

describe('readSegment: the field as the ground, and a qualification lacked or required', () => {
  it('asserts `competition` where the field’s strength or size is stated, and marks it as a reason given', () => {
    const strong = read('There was a really strong pool this round and we are not progressing yours.');
    expect(strong.asserted).toContain('competition');
    expect(strong.fieldStated).toBe(true);
    // Others merely named: a comparison may assert `competition`, but no field is stated.
    expect(read('We have decided to go with another applicant.').fieldStated).toBeUndefined();
    expect(read('Due to the high volume of applications we cannot reply to each one.').asserted).toEqual([]);
  });

  it('asserts `qualifications` for a credential lacked or required, not a driving licence', () => {
    expect(read('No food hygiene certificate, so we cannot put you in the kitchen.').asserted).toContain('qualifications');
    expect(read('The job requires a full driving licence and you have none.').asserted).not.toContain('qualifications');
  });
});

describe('readSegment: someone else named so, the candidate relaying, and a role with an aside', () => {
  const read = (text: string) => readSegment(text, DEFAULT_THEME_IDS).ruledOut;
  it('rules conduct out where another person acts, where the candidate relays the employer acting, and past an aside after the role', () => {
    for (const text of [
      "the other guy waiting with me was swearing on the phone in the lobby and i was worried they'd think he was with me.",
      'Cand reports two other applicants arrived late to the selection day and disrupted the briefing.',
      'Candidate has informed that the interviewer was taking calls on his mobile throughout.',
      "my interviewer, a VP whose name I still don't know, showed up 20 minutes late to the Zoom, camera off.",
    ])
      expect(read(text), text).toContain('conduct');
  });

  it('keeps conduct where the candidate is who acts, or the other candidates are only compared', () => {
    for (const text of [
      'Candidate reports she was late because of the trains.',
      'He was late and the other candidate was on time.',
      'Candidate has informed that she was on her phone during the group task.',
    ])
      expect(read(text), text).not.toContain('conduct');
  });

  it('reads "other" as someone else only where it names a person and the act is said of them', () => {
    // A reason named "other" is no one acting: these are the candidate's conduct.
    for (const text of ['Another concern was timekeeping.', 'The other problem was swearing in the waiting room.'])
      expect(read(text), text).not.toContain('conduct');
    for (const text of ['the other guy waiting with me was swearing', 'Another guy in the waiting room was shouting at reception.'])
      expect(read(text), text).toContain('conduct');
  });
});
