import { describe, expect, it } from 'vitest';
import { withoutEmailClutter } from '../../src/ingest/email-clutter.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { createMemoryLogger } from '../../src/logger.js';
import { defaultOptions, tempFiles } from './helpers.js';

const files = tempFiles();

const SIGNATURE = [
  'Kind regards,',
  '',
  'Rebecca Thornbury',
  'Senior Talent Acquisition Partner | Harlow & Finch Consulting',
  'T: +44 (0)20 7946 0321 | M: 07700 900456',
  'rebecca.thornbury@harlowfinch.co.uk',
  'Brightwater Retail plc, 45 Castle Street, Leeds LS1 2AB',
].join('\n');
const DISCLAIMER =
  'DISCLAIMER: The information in this email is confidential. Brightwater Retail accepts no liability for any damage caused by viruses transmitted by this email. Please consider the environment before printing this email.';

describe('withoutEmailClutter: what a mail client adds around pasted feedback', () => {
  it('leaves out the signature block, a confidentiality footer and "Sent from my iPhone"', () => {
    const pasted = `Unfortunately we will not be progressing your application.\n\n${SIGNATURE}\n\n${DISCLAIMER}\n\nSent from my iPhone`;
    expect(withoutEmailClutter(pasted)).toEqual({ text: 'Unfortunately we will not be progressing your application.', removed: true });
  });

  it("leaves out a pasted email's own header at the top, and keeps the feedback under it", () => {
    const pasted =
      '-----Original Message-----\nFrom: Graduate Recruitment <grads@kestrelbank.com>\nSent: 19 February 2026 16:02\nTo: Amara Osei <amara@uni.ac.uk>\nSubject: RE: Feedback request\n\nHi Amara,\n\nYour numerical reasoning test score was below our benchmark.\n\nBest wishes\nTom Hadley\nEarly Careers Team';
    expect(withoutEmailClutter(pasted).text).toBe('Hi Amara,\n\nYour numerical reasoning test score was below our benchmark.');
  });

  it('keeps what a sentence says after the signature, and lines that are feedback, not a signature', () => {
    expect(withoutEmailClutter('Your CV had typos.\nKind regards,\nJo\n\nP.S. Your salary expectation of 28000 was too high.').text).toBe(
      'Your CV had typos.\n\nP.S. Your salary expectation of 28000 was too high.',
    );
    expect(withoutEmailClutter('Your CV was vague.\nThanks\nNo STAR examples either').text).toBe(
      'Your CV was vague.\nNo STAR examples either',
    );
  });

  it('keeps lines under a sign-off that say something about the candidate, whatever their case', () => {
    const pasted =
      'We went with someone else.\nKind regards,\nJo Smith\nHead of Talent\n\nInterview Notes\nWeak Answers On Teamwork\nNo Examples Of Leadership';
    expect(withoutEmailClutter(pasted).text).toBe('We went with someone else.\nWeak Answers On Teamwork\nNo Examples Of Leadership');
    expect(withoutEmailClutter('Thanks for coming in.\nBest,\nJo\nCommunication Needs Work\nYou Were Late').text).toBe(
      'Thanks for coming in.\nCommunication Needs Work\nYou Were Late',
    );
  });

  it('keeps a score sheet pasted under the signature: headings, ratings and scores are no job title', () => {
    expect(
      withoutEmailClutter(
        'Please see below.\nKind regards,\nJo Smith\n\nPanel Feedback\nCommercial Awareness: Below Expectations\nTeamwork: Meets Expectations',
      ).text,
    ).toBe('Please see below.\n\nPanel Feedback\nCommercial Awareness: Below Expectations\nTeamwork: Meets Expectations');
    expect(withoutEmailClutter('Thanks for applying.\nRegards\nRecruitment Team\nGroup Exercise 2/5\nCase Study 1/5').text).toBe(
      'Thanks for applying.\nGroup Exercise 2/5\nCase Study 1/5',
    );
    expect(
      withoutEmailClutter(
        'The panel felt you lacked depth.\nMany thanks\nJo Smith\nHead of Talent | Harlow & Finch\nAreas To Develop: Structure',
      ).text,
    ).toBe('The panel felt you lacked depth.\nAreas To Develop: Structure');
    // Contact details under their labels are still the signature's.
    expect(withoutEmailClutter('You were late.\nBest,\nJo Smith\nMobile: 07700 900456\nWeb: www.harlowfinch.co.uk').text).toBe(
      'You were late.',
    );
  });

  it('leaves out a name signed in lowercase under the sign-off', () => {
    expect(withoutEmailClutter('The group exercise showed you talked over others.\nThanks,\njo\n\nSent from my iPhone').text).toBe(
      'The group exercise showed you talked over others.',
    );
    expect(withoutEmailClutter('Your CV was vague.\nThanks\nno examples').text).toBe('Your CV was vague.\nno examples');
    // An HTML email's paragraphs put a blank line between each (<div>Best,</div><div>priya</div>).
    expect(withoutEmailClutter('Your CV lacked detail.\n\nBest,\n\npriya\n\nTalent Team').text).toBe('Your CV lacked detail.');
  });

  it('reads a line that opens with "Disclaimer:" as a footer only when it reads like one', () => {
    const aside =
      'Your technical knowledge was good.\nDisclaimer: I was not on the panel, but they said you were late.\nCall me if you want to talk.';
    expect(withoutEmailClutter(aside)).toEqual({ text: aside, removed: false });
    const flattened = 'Your technical knowledge was good. Disclaimer: I was not on the panel, but they said you were late.';
    expect(withoutEmailClutter(flattened)).toEqual({ text: flattened, removed: false });
    expect(
      withoutEmailClutter('Your CV had typos.\nDisclaimer: This email is confidential and intended for the addressee only.').text,
    ).toBe('Your CV had typos.');
    expect(withoutEmailClutter("Your CV had typos. Disclaimer: the views expressed in this email are the sender's own.").text).toBe(
      'Your CV had typos.',
    );
  });

  it('keeps a postscript under the signature whatever its case: its capitalised words are no job title', () => {
    expect(withoutEmailClutter('We went with someone else.\nKind regards,\nJo Smith\nP.S. Punctuality Matters').text).toBe(
      'We went with someone else.\nP.S. Punctuality Matters',
    );
    const flattened = 'We went with someone else. Best, Jo. P.S. You Were Late.';
    expect(withoutEmailClutter(flattened)).toEqual({ text: flattened, removed: false });
  });

  it('reads sentences that only sound like a footer, and short texts, as written', () => {
    for (const text of [
      'The candidate accepts no responsibility for mistakes and blamed the team.',
      'This message is intended to give you feedback: your CV was not tailored.',
      'Regards, the panel felt you were unprepared.',
      'Thank you',
      'Thanks,\nJo',
    ])
      expect(withoutEmailClutter(text)).toEqual({ text, removed: false });
  });

  it('reads a cell that opens with words a footer opens with as feedback: a footer has the email above it', () => {
    for (const text of [
      'He accepts no responsibility for the loss of the client in the role play, which worried us.',
      'You were not registered in England with the NMC and had no registration number yet.',
      'Disclaimer: I was not on the panel.\nThe panel said you were late and rude.',
    ])
      expect(withoutEmailClutter(text)).toEqual({ text, removed: false });
    // Under feedback, the same words are still a footer.
    expect(withoutEmailClutter(`Your answers lacked examples.\n\n${DISCLAIMER}`).text).toBe('Your answers lacked examples.');
  });

  it("never touches a reply's quoted earlier email, nor what is under it (the classifier sets it aside)", () => {
    const reply = 'Your answers were good.\n\nOn Thu, 5 Mar 2026, Jo <jo@x.com> wrote:\n> Why?\nKind regards\nJo';
    expect(withoutEmailClutter(reply)).toEqual({ text: reply, removed: false });
    const outlook = 'Feedback below.\n\nFrom: Sam\nSent: Monday\nTo: Jo\n\nYou were nervous.\nBest wishes\nSam Carter';
    expect(withoutEmailClutter(outlook)).toEqual({ text: outlook, removed: false });
  });

  it('leaves out the signature under a sign-off that ends a line of feedback, and a team signed in lowercase', () => {
    expect(withoutEmailClutter('If you complete it, please do get back in touch. Best wishes,\nMaureen').text).toBe(
      'If you complete it, please do get back in touch.',
    );
    expect(withoutEmailClutter('The written exercise had no summary.\n\nBest,\nEmerging Talent team').text).toBe(
      'The written exercise had no summary.',
    );
  });

  it('knows the other footers mail servers add', () => {
    for (const footer of [
      'Think before you print.',
      'This email has been scanned for viruses and malware.',
      'Emails sent to or from Kestrel Bank may be monitored for compliance.',
      'The contents of this e-mail are confidential and for the addressee only.',
    ])
      expect(withoutEmailClutter(`Your answers lacked examples.\n\n${footer}`).text).toBe('Your answers lacked examples.');
  });

  it("knows a company's registration by its number, and reads a reason about registering as written", () => {
    for (const footer of [
      'Registered in England and Wales No. 1234567.',
      'Harlow & Finch Ltd is registered in England & Wales, Company Number 01234567.',
      'A company registered in England and Wales under number 2065.',
      'Kestrel Bank plc. Registered in Scotland No: SC123456',
    ]) {
      expect(withoutEmailClutter(`Your answers lacked examples.\n\n${footer}`).text).toBe('Your answers lacked examples.');
      expect(withoutEmailClutter(`Your answers lacked examples. ${footer}`).text).toBe('Your answers lacked examples.');
    }
    for (const text of [
      'You were strong on the technical side. You were not registered in England with the NMC and had no registration number yet.',
      'Good interview.\nYou are not registered in England yet, and your NMC registration is pending.',
    ])
      expect(withoutEmailClutter(text)).toEqual({ text, removed: false });
  });

  it("knows a footer's disowning of the email or of any loss, and reads a candidate's as conduct", () => {
    for (const footer of [
      'Kestrel Bank accepts no liability for any loss or damage arising from this message.',
      'The company accepts no liability for errors or omissions in the contents of this email.',
    ]) {
      expect(withoutEmailClutter(`Your answers lacked examples.\n\n${footer}`).text).toBe('Your answers lacked examples.');
      expect(withoutEmailClutter(`Your answers lacked examples. ${footer}`).text).toBe('Your answers lacked examples.');
    }
    for (const text of [
      'You did well on the tests. In the role play he accepts no responsibility for the loss of the client, which worried us.',
      'Good interview.\nYou accept no responsibility for damage to team morale, which worried us.',
    ])
      expect(withoutEmailClutter(text)).toEqual({ text, removed: false });
  });

  it('finds the same at the end of a line, where the platform lost the line breaks', () => {
    const flattened = [
      `Unfortunately we will not be progressing your application. Regards Priya Nandakumar | HR Advisor Brightwater Retail plc, 45 Castle Street, Leeds LS1 2AB Direct: 0113 496 0777 ${DISCLAIMER}`,
      'Unfortunately we will not be progressing your application. Kind regards, Tom Hadley, Early Careers Team. This email and any files transmitted with it are confidential and intended solely for the addressee. Sent from my iPhone',
      'Unfortunately we will not be progressing your application. -- Rebecca Thornbury, Talent Partner, Harlow & Finch. CONFIDENTIALITY NOTICE: If you are not the intended recipient, please delete it.',
    ];
    for (const text of flattened)
      expect(withoutEmailClutter(text)).toEqual({ text: 'Unfortunately we will not be progressing your application.', removed: true });
    for (const text of [
      'You breached confidentiality by discussing a client. Best of luck with your search.',
      'Your CV was weak. Thanks, Jo. P.S. Your cover letter had typos.',
      'Your answers lacked depth. Best wishes for the future.',
    ])
      expect(withoutEmailClutter(text)).toEqual({ text, removed: false });
  });

  it('leaves nothing of a cell that was only a footer: no feedback given', () => {
    expect(withoutEmailClutter('Sent from my iPhone')).toEqual({ text: '', removed: true });
  });
});

describe('ingestFiles: a whole email pasted into the feedback cell', () => {
  it('reads the feedback alone, says which rows held an email, and counts a footer alone as no feedback given', async () => {
    const csv = [
      'Student ID,Date,Employer,Feedback',
      `S1,2026-03-01,Brightwater,"Unfortunately we will not be progressing your application.\n\n${SIGNATURE}\n\n${DISCLAIMER}"`,
      'S2,2026-03-02,Kestrel,Your answers lacked examples.',
      'S3,2026-03-03,Kestrel,"Sent from my iPhone"',
    ].join('\n');
    const result = await ingestFiles([files.write('emails.csv', csv)], defaultOptions(), createMemoryLogger());
    expect(result.items.map((item) => item.text)).toEqual([
      'Unfortunately we will not be progressing your application.',
      'Your answers lacked examples.',
      '',
    ]);
    expect(result.items[2]!.noText).toBe(true);
    const text = JSON.stringify(result.items);
    for (const personal of ['Thornbury', '07700', 'rebecca', 'Castle Street', 'confidential']) expect(text).not.toContain(personal);
    expect(result.files[0]!.notes.join('\n')).toContain('2 rows (lines 2, 4) held a whole email in "Feedback"');
  });
});
