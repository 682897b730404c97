import { describe, expect, it } from 'vitest';
import { conductOnlyOfTheJob } from '../../src/classify/conduct-job.js';
import { conductHeldElsewhere, conductOfNoOneNamed, faultLaidElsewhere, writerOwnsConduct } from '../../src/classify/conduct.js';
import { readSegment, settleEmployerSide } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('conductHeldElsewhere: lateness, dress, rudeness or a phone that is not the candidate’s', () => {
  it.each([
    // Something else was late: a task, a form, a stage of the process.
    'The take-home task arrived late and was only half finished.',
    'Your reference forms came in late.',
    'At the late-stage interview you weren’t able to talk about our main competitors.',
    'REJ - late app + outside commuting area',
    'You sent the presentation slides late the night before.',
    // Someone else was late or rude.
    'Interviewer running late, so the slot was cut short.',
    'The assessors were late back from lunch.',
    'Front-line staff deal with some pretty rude customers at the counter.',
    'Our customers can be very rude on the phones.',
    // A phone that is the channel, or somebody else's.
    'Spoke to the hiring manager on the phone.',
    'Feedback by phone: rambled a lot.',
    'Phone screen fail: could not say why this company.',
    'Sorry the interviewer’s mobile went off twice during your slot.',
    // A dress code described as a fact of the job.
    'The dress code here is very relaxed and you said you’d find that hard.',
    'Dress code in the chambers is formal every day.',
    // Written to the candidate, "my" is the writer's.
    'Apologies - my phone kept ringing during your interview.',
    'Sorry, I was running late for your interview.',
    // A phone the candidate was reached on is the channel, whoever's it is; a dress rule described.
    'We rang you on your mobile to book the next stage, but the post has since gone.',
    'Dress standard in the branch is smart casual, so that played no part.',
    // A phone that names a kind of thing, not a handset on the day.
    "The piece we couldn't get past is that you haven't shipped a mobile app before.",
    'Most of our customers do their mobile banking with us.',
    // The employer's people named without a determiner, as notes name them.
    'Owner rocked up half an hour late and ran the interview from his ute in the car park.',
    'Client turned up late and cut it short.',
    // Lateness of what a relative clause holds on a pronoun.
    "Your form reached us three days after the closing date, and the portal doesn't let us consider anything that arrives late.",
  ])('"%s" is held elsewhere', (text) => {
    expect(conductHeldElsewhere(text)).toBe(true);
  });

  it.each([
    'You arrived late and were abrupt.',
    'turned up 20 mins late',
    'late, no apology',
    '20 min late no call',
    'Candidate was on his phone throughout.',
    'You took a call on your mobile in the middle of the panel.',
    'Your phone went off twice during the interview.',
    'You joined the video call ten minutes late and from a busy café.',
    'The panel felt you were late and unprepared.',
    'Late cancellation (x3). Do not re-engage.',
    'taking a phone call during the panel left a poor impression',
    'was seen chatting on the mobile during the HR round',
    'to be honest turning up late didn’t help your case',
    'They told me my outfit was too casual.',
    'My fault - I turned up an hour late.',
    'the dress code thing we could have overlooked',
    // A bare name or a word not known as someone else's stays the candidate's.
    'Rocked up half an hour late and ran out of time on the case.',
    // Conduct in other words is not judged: nothing is taken away.
    'HM said on the phone that the candidate was short with the receptionist.',
    'The hiring manager was put off by the tone of your emails after the phone screen.',
    // No conduct word at all, including words an object literal would hold as keys.
    'Your answers lacked specific examples.',
    'We felt the constructor injection was shaky.',
  ])('"%s" is not', (text) => {
    expect(conductHeldElsewhere(text)).toBe(false);
  });
});

describe('readSegment rules conduct out where it is held elsewhere', () => {
  it('rules it out for a task that arrived late, keeps it for a candidate who did', () => {
    expect(readSegment('The take-home task arrived late.', DEFAULT_THEME_IDS).ruledOut).toContain('conduct');
    expect(readSegment('You arrived late.', DEFAULT_THEME_IDS).ruledOut).not.toContain('conduct');
  });

  it('rules nothing out in a taxonomy without conduct', () => {
    expect(readSegment('The take-home task arrived late.', ['assessment']).ruledOut).toEqual([]);
  });
});

describe("writerOwnsConduct: a candidate's note that owns up to their own lateness or rudeness", () => {
  it.each([
    'My fault really - I got the time wrong and turned up an hour late.',
    'I was a bit rude to the receptionist, I admit.',
    'HR said the manager was put off that I was late.',
  ])('"%s"', (text) => {
    expect(writerOwnsConduct(text)).toBe(true);
  });

  it.each([
    'I arrived on time and they had double-booked the interview room.',
    'The interviewer was late and rude to me.',
    'I waited 40 mins, the panel were late.',
    'You were late and I noticed.',
    'The late-stage interview was moved twice on me.',
  ])('not "%s"', (text) => {
    expect(writerOwnsConduct(text)).toBe(false);
  });

  it("keeps `conduct` in a note where the employer's side acts too", () => {
    const segments = ['My fault really - I got the time wrong and turned up an hour late.', "They didn't reschedule."].map((text) => ({
      scoredText: text,
      reading: readSegment(text, DEFAULT_THEME_IDS),
    }));
    expect(segments[1]!.reading.employerSide).toBe(true);
    settleEmployerSide(segments, DEFAULT_THEME_IDS);
    expect(segments[0]!.reading.ruledOut).toEqual([]);
  });

  const settled = (texts: string[]) => {
    const segments = texts.map((text) => ({ scoredText: text, reading: readSegment(text, DEFAULT_THEME_IDS) }));
    settleEmployerSide(segments, DEFAULT_THEME_IDS, true);
    return segments.map((s) => s.reading.ruledOut.includes('conduct'));
  };

  it("keeps `conduct` in an employer's note that opens with a no-show naming no one, and in one that relays what he or she had done", () => {
    expect(settled(['FTA 10:30 panel (failed to attend).', 'Rang twice, voicemail, nothing back since'])).toEqual([false, false]);
    expect(settled(['No-show Tue 10:00 panel, no call / no email.', 'Withdrawn by recruiter.'])).toEqual([false, false]);
    expect(
      settled(['Rang Steph re the pharmacy tech role.', "The manager also said she'd been chewing gum through the whole interview."]),
    ).toEqual([false, false]);
    // A no-show by someone named, and a promise ("she'd chase"), are the employer's side.
    expect(settled(['No-show by the hiring manager, rescheduled.', 'Rang twice, voicemail, nothing back since'])).toEqual([true, true]);
    expect(settled(["The recruiter said she'd chase the client.", 'Nothing back since.'])).toEqual([true, true]);
  });
});

describe('conductHeldElsewhere: a possessor before "own"', () => {
  it('reads "my own phone" in a sentence to the candidate as the writer\'s, and "your own phone" as theirs', () => {
    expect(conductHeldElsewhere('My own phone buzzed twice during your interview - apologies.')).toBe(true);
    expect(conductHeldElsewhere('You kept checking your own phone.')).toBe(false);
  });
});

describe('who holds a conduct word, read from grammar', () => {
  it.each([
    // What was submitted or returned is what was late.
    'Portfolio submitted two days late, with half the pieces missing.',
    // A word after an article qualifies the noun it stands before, even one that could be a verb.
    'Cannot do the weekend late finishes.',
    // After a pronoun it qualifies it.
    'The portal turns away anything late.',
    // The candidate writes of their own interview: whoever else is late is not them.
    'Manager came to my interview twenty minutes late.',
    // An email as the channel is not conduct in other words.
    'We will follow up by email, but I wanted to let you know by phone that the role has gone.',
    // A phone tried as a way to reach someone, or out of reach, is the channel, whoever's it is.
    'Sorry we kept ringing your mobile during your shift.',
    "cand's phone went to vm x3 - left msgs",
    "Candidate's mobile was not reachable on the given number.",
    "We tried the landline as we didn't have a mobile for you.",
    // …and a message taken or left for someone is the channel too.
    "We tried the landline as we didn't have a mobile for you, and your mum very kindly took a message.",
    'You rang us from your mobile on the way in to say the bus was running behind.',
  ])('"%s" is held elsewhere', (text) => {
    expect(conductHeldElsewhere(text)).toBe(true);
  });

  it.each([
    'Candidate returned late from lunch.',
    'I turned up late to my interview.',
    "Feedback was that turning up late didn't help.",
    'The tone of your emails was curt.',
    'You left a message on the panel chair’s phone and were rude to her.',
    'You were checking your phone all through the panel.',
  ])('"%s" is not', (text) => {
    expect(conductHeldElsewhere(text)).toBe(false);
  });

  it('does not take the writer’s own interview for the writer owning up', () => {
    expect(writerOwnsConduct('Partner turned up to my interview late and rushed it.')).toBe(false);
    expect(writerOwnsConduct('I was late to my interview.')).toBe(true);
  });
});

describe('conduct named only as the job\u2019s', () => {
  it.each([
    'Timekeeping is critical in this role, and you said you could not start before nine.',
    'This is a front-of-house role with a formal dress code; we needed someone with bar experience.',
    "You'd be wearing a uniform and following a grooming policy, and the panel felt you wanted an office job.",
    'Attendance monitoring is part of the team leader\u2019s job, and you have not led a team.',
    // A process the job runs on it, in the passive.
    'Timekeeping is tracked by the shift lead every week, and we felt you lacked the leadership experience.',
    // A duty the job holds over other people's conduct.
    'Whoever gets this post has to enforce the uniform policy and challenge lateness among 300 pupils; we felt you had not taught long enough.',
    'The job is essentially enforcing dress code and ID checks on the door; we need someone with a current SIA badge.',
    "In this job you'll be the one disciplining staff for lateness and no-shows, and your answer was too vague.",
    // A duty said in the progressive after "is": not an adjective, as "challenging" can be.
    'Most of the shift is dealing with diners who are rude about waiting times, and you have not worked a pass before.',
    // A requirement for someone who is so, not said as a comparison with the candidate.
    "They said they need someone 'impeccably professional on the phone at all times' because it's a law firm reception.",
  ])('"%s" says nothing of the candidate\u2019s conduct', (text) => {
    expect(conductOnlyOfTheJob(text)).toBe(true);
  });

  it.each([
    'Punctuality is essential in this role, and you arrived twenty minutes late.',
    'The dress code is formal here and you turned up in jeans.',
    'You were late and the panel noticed.',
    'Your answers lacked examples.',
    'You were challenging and rude with the panel.',
    'For a front counter job he needs someone a bit more professional on the phone.',
  ])('"%s" may', (text) => {
    expect(conductOnlyOfTheJob(text)).toBe(false);
  });

  it('reads the writer as object, and "so late", for who holds the word', () => {
    expect(conductHeldElsewhere('The man interviewing me was half an hour late.')).toBe(true);
    expect(conductHeldElsewhere('Sorry that our reply is so late.')).toBe(true);
    expect(conductHeldElsewhere('You were so late that we started without you.')).toBe(false);
  });
});

describe('conductOfNoOneNamed', () => {
  it.each([
    'late, then snapped at the panel when they asked about it',
    'Panel note: arrived 25 min late, no apology.',
    'Got there late because of the train.',
  ])('"%s" is lateness or rudeness no one named holds', (text) => {
    expect(conductOfNoOneNamed(text)).toBe(true);
  });

  it.each([
    'The interviewer was late and rude.',
    'Turned up on time, but they kept me waiting.',
    'You arrived late.',
    'I waited an hour in reception.',
  ])('"%s" is not', (text) => {
    expect(conductOfNoOneNamed(text)).toBe(false);
  });
});

describe('faultLaidElsewhere: whose fault it was, said in so many words', () => {
  it('finds the fault laid on someone other than the candidate', () => {
    expect(faultLaidElsewhere('I ran 15 min over on the previous candidate so she started late - not her doing.')).toBe(true);
    expect(faultLaidElsewhere('cand asked re late start - our fault (room double-booked).')).toBe(true);
    expect(faultLaidElsewhere('The interviewer was shouting because of office problems, it was not towards him.')).toBe(true);
    expect(faultLaidElsewhere("He says the panelist was jet-lagged - that's on us, not him.")).toBe(true);
    expect(faultLaidElsewhere('another guy in the waiting room was rude to the receptionist and got told off, not me.')).toBe(true);
    expect(faultLaidElsewhere('Heard the other bloke mouthed off at the head chef - that was him, not you.')).toBe(true);
  });

  it("leaves the candidate's own fault, and what is not about fault, alone", () => {
    expect(faultLaidElsewhere('My fault really - I got the time wrong and turned up an hour late.')).toBe(false);
    expect(faultLaidElsewhere('Q: a project you led - answer was about the team, not her')).toBe(false);
    expect(faultLaidElsewhere('You arrived late and that was your own doing.')).toBe(false);
    expect(faultLaidElsewhere('We wanted someone who had run a kitchen, not you in your first head chef role.')).toBe(false);
  });

  it('rules conduct out of the sentence', () => {
    expect(readSegment('Late start - our fault, the room was double-booked.', DEFAULT_THEME_IDS).ruledOut).toContain('conduct');
    expect(readSegment('Arrived 20 minutes late, no apology.', DEFAULT_THEME_IDS).ruledOut).not.toContain('conduct');
  });

  it('reads it in the whole of a sentence that speaks of conduct, also in a clause set aside from the text read', () => {
    const read = 'She said someone was shouting into a phone the whole time she was there';
    expect(readSegment(read, DEFAULT_THEME_IDS).ruledOut).not.toContain('conduct');
    expect(readSegment(read, DEFAULT_THEME_IDS, `${read} - not a reflection on her.`).ruledOut).toContain('conduct');
    const noConduct = "it just isn't a yes this time";
    expect(readSegment(noConduct, DEFAULT_THEME_IDS, `This was not a reflection on you; ${noConduct}.`).ruledOut).not.toContain('conduct');
  });
});
