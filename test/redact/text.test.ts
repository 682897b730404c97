import { describe, expect, it } from 'vitest';
import { redactNames, redactText } from '../../src/redact/index.js';
import { redactAddressedNames, withoutContactPlaceholders } from '../../src/redact/text.js';

describe('redactText', () => {
  it.each([
    ['Contact jane.doe@example.com for details.', 'Contact [email] for details.'],
    ["Email o'brien+hr@mail.northgate.gov.uk today", 'Email [email] today'],
    ['Call me on 07700 900123 if you want to discuss.', 'Call me on [phone] if you want to discuss.'],
    ['Our office is on +44 20 7946 0958.', 'Our office is on [phone].'],
    ['Ring (020) 7946 0958 or 0161-496-0000.', 'Ring [phone] or [phone].'],
    ['US office: +1 (555) 123-4567, or 555-123-4567.', 'US office: [phone], or [phone].'],
    ['Paris: +33 1 23 45 67 89', 'Paris: [phone]'],
    ['Dial 0044 7700 900123', 'Dial [phone]'],
    ['the assessor (call her on 0161 496 0000) said so', 'the assessor (call her on [phone]) said so'],
    ['(ring +44 (0)20 7946 0958) or (020) 7946 0958', '(ring [phone]) or [phone]'],
  ])('redacts %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'The salary expectation of £32,000 was above our band of 25,000-28,000.',
    'You scored 7/10 on the case study in March 2026.',
    'We interviewed 12 candidates on 14/03/2026 for role 2026-118.',
    'Candidate S1042 has applied 3 times since 2025.',
    'Reference number 123456789012 is an internal id.',
  ])('leaves ordinary numbers alone: %s', (input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('redactText: the formats that used to leak', () => {
  it.each([
    ['two numbers side by side: 07700 900123 07700 900124.', 'two numbers side by side: [phone] [phone].'],
    ['Toll free 1-800-555-0199 or 1 800 555 0199.', 'Toll free [phone] or [phone].'],
    ['Call 07700–900123 or 020/7946/0958 or 0161 – 496 – 0000.', 'Call [phone] or [phone] or [phone].'],
    ['mob07700900123, tel:02079460958, m. 07700 900123', 'mob[phone], tel:[phone], m. [phone]'],
    ['Office +44 20 7946 0958 12345 (ref).', 'Office [phone] 12345 (ref).'],
    ['Direct line 020 7946 0958 ext. 2231, or x 45.', 'Direct line [phone], or x 45.'],
    ['+44 (0)20 7946 0958 and +44(0)7700 900123', '[phone] and [phone]'],
    ['NY +1 212 555 0147; Sydney +61 2 9876 5432; Berlin +49 30 901820', 'NY [phone]; Sydney [phone]; Berlin [phone]'],
    ['US (212) 555-0147, 212.555.0147, 212-555-0147 x12', 'US [phone], [phone], [phone]'],
    ['jane@exämple.com and josé.garcía@universidad.es', '[email] and [email]'],
    ['"jane doe"@example.com wrote', '[email] wrote'],
    ['jane[at]example.com, jane (at) example (dot) com, jane{at}example[dot]co[dot]uk', '[email], [email], [email]'],
    ['write to jane dot doe at example dot com today', 'write to [email] today'],
    ['JANE.DOE@EXAMPLE.CO.UK', '[email]'],
    ['write to jane @ example . com or jane . doe @ example . co . uk', 'write to [email] or jane . [email]'],
    ['fullwidth jane＠example.com and jane＠example．com', 'fullwidth [email] and [email]'],
    ['encoded jane%40example.com, jane&#64;example.com, jane&#x40;example.org', 'encoded [email], [email], [email]'],
    ['reach jane.doe at gmail or jdoe at hotmail dot co dot uk', 'reach [email] or [email]'],
    ['bare numbers 7700900123 and 2125550147.', 'bare numbers [phone] and [phone].'],
    ['ph: 555 0147, Phone 555-0147, tel 9876 5432, call me on 98765432', 'ph: [phone], Phone [phone], tel [phone], call me on [phone]'],
    ['Reception (02) 9876 5432 ext. 214; her extension 3301, or ext 45', 'Reception [phone]; her [phone], or [phone]'],
    [
      'My number is 555 0147; reach me at 555-0147, text me 555 0147, Contact: 555-0147, phone number: 5550147',
      'My number is [phone]; reach me at [phone], text me [phone], Contact: [phone], phone number: [phone]',
    ],
    ['Write to jo at example.com or j.smith at uni.ac.uk', 'Write to [email] or [email]'],
    ['partly masked: +61 4xx 123 456, 07xxx 900123, 0412 XXX 456, 07700 900 ***', 'partly masked: [phone], [phone], [phone], [phone]'],
    ['+44 7*** 123456 or (020) 79xx 0958; mob 07•••900123', '[phone] or [phone]; mob [phone]'],
    [
      'Rahul | linkedin.com/in/rahulkumar | https://www.linkedin.com/in/rahul-kumar-0a1b2c/ and github.com/rkumar, x.com/@rk_99.',
      'Rahul | [profile] | [profile] and [profile], [profile].',
    ],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});

describe('redactText keeps what is not personal data', () => {
  it.each([
    'Salary £28,500–£32,000, or $120,000 a year; 85% of candidates; a 12.5% rise.',
    'Dates 01/02/2026 03/04/2026, 2026-01-15 to 2026-02-20, 13.01.2026 and 1/2/26.',
    'Ref REF-0012-3456-789, application 2026-118-0042, job 00123-A, case 7700-900-123.',
    'Scored 62/100 and 7/10 across 3 rounds between 2019 and 2025 (2019-2025).',
    'Interviews ran 09:00-17:00 on 12 March; 4 of 12 candidates; 10,000 applicants.',
    'Reference number 123456789012 and student 20231187 and 2.0231187E7.',
    'Look at the example dot points in the brief.',
    'Well done. Look at Gmail-style inboxes at home. See you @ 3pm.',
    'Call centre role at C++ level 3 for 30-40 hours.',
    'Phone screen on 12 March 2026; we call back within 14 days; student number 20231187, ref 555 0147.',
    'Reference number 20240118, the number is 123456 applicants, Text 1234567 lines, we had 555 0147 reasons.',
    'Have a look at gov.uk and the jobs at example.com before applying.',
    'Thanks so much xx, a 3x rise, 2 x 3 metres, a 1920x1080 screen, 4xx errors, level 7 xxx.',
    'Follow linkedin.com/company/acme-bank and read box.com/pricing, github.com is where we work.',
  ])('%s', (input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('redactNames', () => {
  it('replaces the full name and each part, any case, possessives included', () => {
    expect(redactNames("Jane Doe's answers were good; JANE was late; doe, jane", ['Jane Doe'])).toBe(
      "[name]'s answers were good; [name] was late; [name], [name]",
    );
  });
  it('leaves words that merely contain a name', () => {
    expect(redactNames('Janet and Dominic were fine', ['Jane', 'Dom'])).toBe('Janet and Dominic were fine');
  });
  it('hides a name glued to digits, as when a formula ran an id and a name together', () => {
    expect(redactNames('C-0042Aisha Khan, 2026Khan', ['Aisha Khan'])).toBe('C-0042[name], 2026[name]');
  });
});

describe('redactAddressedNames', () => {
  it.each([
    ['Thank you for coming in, Sam.', 'Thank you for coming in, [name].'],
    ['Dear Jo, we will not proceed.', 'Dear [name], we will not proceed.'],
    ['Well done Aisha, but the panel wanted more.', 'Well done [name], but the panel wanted more.'],
    ['Sorry Mark - the role went elsewhere.', 'Sorry [name] - the role went elsewhere.'],
    ['Strong answers. Kind regards, Tom Baker', 'Strong answers. Kind regards, [name]'],
    ['Strong answers.\nBest wishes\nPriya', 'Strong answers.\nBest wishes\n[name]'],
    // Signed in lowercase, as a quick reply is: the name is a name all the same.
    ['Your CV had typos. thanks, jo', 'Your CV had typos. thanks, [name]'],
    ['You were late.\nCheers,\nmaureen', 'You were late.\nCheers,\n[name]'],
  ])('%j', (input, expected) => {
    expect(redactAddressedNames(input)).toBe(expected);
  });

  it.each([
    'Thanks again for your time.',
    'Hi team, see below.',
    'Your Python and Excel skills were weak; Sage experience is needed.',
    'We are based in Leeds, Manchester.',
    'Thank you for applying to Deloitte, London.',
    'You were late. Thanks, again',
    'Your examples were weak. Best, good luck',
    'You were late. Best of luck',
  ])('leaves places, companies and skills: %j', (input) => {
    expect(redactAddressedNames(input)).toBe(input);
  });
});

describe('contact placeholders left out of what is scored', () => {
  it('drops [phone] and [email] with the space before them, and keeps everything else', () => {
    expect(withoutContactPlaceholders('Please reach her at [phone] or [email].')).toBe('Please reach her at or.');
    expect(withoutContactPlaceholders('Dear [name], your phone rang twice.')).toBe('Dear [name], your phone rang twice.');
    expect(withoutContactPlaceholders('Her profile [profile] shows it.')).toBe('Her profile shows it.');
  });
});

describe('greetings and sign-offs in the other languages read', () => {
  it('hides the name a French, Spanish, German or Dutch greeting or sign-off addresses', () => {
    expect(redactAddressedNames('Bonjour Amélie, malheureusement votre CV était trop général.')).toBe(
      'Bonjour [name], malheureusement votre CV était trop général.',
    );
    expect(redactAddressedNames('Hola Lucía, gracias por venir.')).toBe('Hola [name], gracias por venir.');
    expect(redactAddressedNames('Hallo Jonas, leider war dein Lebenslauf zu lang.')).toBe(
      'Hallo [name], leider war dein Lebenslauf zu lang.',
    );
    expect(redactAddressedNames('Beste Sanne, helaas was je te nerveus.')).toBe('Beste [name], helaas was je te nerveus.');
    expect(redactAddressedNames('Les réponses étaient vagues. Cordialement, Marie Dubois')).toBe(
      'Les réponses étaient vagues. Cordialement, [name]',
    );
    expect(redactAddressedNames('Zu wenig Erfahrung. Viele Grüße\nKatrin Vogel')).toBe('Zu wenig Erfahrung. Viele Grüße\n[name]');
  });
});

describe('greetings, sign-offs and honorifics in other scripts', () => {
  it.each([
    [
      'عزيزي محمد، Your answers were too general. مع أطيب التحيات، سارة',
      'عزيزي [name]، Your answers were too general. مع أطيب التحيات، [name]',
    ],
    ['Уважаемый Иван, ответы были общими. С уважением, Мария Петрова', 'Уважаемый [name], ответы были общими. С уважением, [name]'],
    ['亲爱的王小明：您的回答缺乏具体例子。此致\n敬礼\n李华', '亲爱的[name]：您的回答缺乏具体例子。此致\n敬礼\n[name]'],
    ['田中様、具体例が不足していました。', '[name]様、具体例が不足していました。'],
    ['김민수님, 답변이 너무 길었습니다. 감사합니다\n박지은', '[name]님, 답변이 너무 길었습니다. 감사합니다\n[name]'],
    ['שלום דנה, התשובות היו כלליות. בברכה, יוסי', 'שלום [name], התשובות היו כלליות. בברכה, [name]'],
    ['प्रिय राहुल, आपके उत्तर अस्पष्ट थे। सादर, अनीता', 'प्रिय [name], आपके उत्तर अस्पष्ट थे। सादर, [name]'],
    [
      'Gentile Giulia, le risposte erano vaghe. Cordiali saluti, Marco Rossi',
      'Gentile [name], le risposte erano vaghe. Cordiali saluti, [name]',
    ],
    ['Olá João, faltaram exemplos. Atenciosamente, Ana', 'Olá [name], faltaram exemplos. Atenciosamente, [name]'],
    [
      'Szanowna Pani Kowalska, brakowało przykładów. Z poważaniem, Piotr',
      'Szanowna Pani [name], brakowało przykładów. Z poważaniem, [name]',
    ],
  ])('%j', (input, expected) => {
    expect(redactAddressedNames(input)).toBe(expected);
  });

  it('keeps honorifics after words that are no one, and a team signing off', () => {
    for (const text of ['선생님, 감사합니다.', '고객님께 안내드립니다.', 'We used Python and SQL. Best, Recruitment Team'])
      expect(redactAddressedNames(text)).toBe(text);
  });
});

describe('redactNames on a name column holding notes', () => {
  it('passes over a value too long to be a name, which would not compile as a pattern, and still hides the real names', () => {
    const note = `Interviewer Sarah Jones said: ${'x'.repeat(50_000)}`;
    expect(redactNames('Jo Bloggs spoke too fast.', [note, 'Jo Bloggs'])).toBe('[name] spoke too fast.');
  });

  it('passes over a sentence in a name column: its words are no names', () => {
    expect(
      redactNames('You spoke too fast and gave no examples.', ['the candidate spoke too fast and gave no examples at all, sadly']),
    ).toBe('You spoke too fast and gave no examples.');
  });
});
