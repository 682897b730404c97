import { describe, expect, it } from 'vitest';
import { mayNameSomeone, recogniserCalls, redactPeople } from '../../src/redact/people.js';

describe('names mentioned in passing', () => {
  it('hands the recogniser only sentences with a capitalised word that is not an everyday word', () => {
    expect(mayNameSomeone('The panel felt your Excel skills were weak.')).toBe(false);
    expect(mayNameSomeone('Unfortunately your Python answers lacked depth.')).toBe(false);
    expect(mayNameSomeone('Your CV and SQL test were fine, but I need more.')).toBe(false);
    expect(mayNameSomeone('Answers were rehearsed.')).toBe(false);
    expect(mayNameSomeone("Sam's answers were strong.")).toBe(true);
    expect(mayNameSomeone('We spoke to Liam about the role.')).toBe(true);
    expect(mayNameSomeone('The Leeds office said no.')).toBe(true);
  });

  it('leaves sentences of everyday words alone without calling the recogniser', () => {
    const before = recogniserCalls.sentences;
    const text = 'Your Excel skills were good. The panel wanted more examples.\nThank you for applying.';
    expect(redactPeople(text)).toBe(text);
    expect(recogniserCalls.sentences).toBe(before);
  });

  it('reads a sentence that recurs only once, and redacts it the same way each time', () => {
    const sentence = 'We spoke with Liam Carter about the delivery of your answers.';
    redactPeople(sentence);
    const before = recogniserCalls.sentences;
    const again = redactPeople(`${sentence} ${sentence}`);
    expect(recogniserCalls.sentences).toBe(before);
    expect(again).toBe(`${redactPeople(sentence)} ${redactPeople(sentence)}`);
    expect(again).not.toContain('Liam');
  });

  it('hides the names it finds, keeping titles, possessives and the places, companies and skills beside them', () => {
    expect(redactPeople("The panel thought Sam's Python examples were thin.")).toBe(
      "The panel thought [name]'s Python examples were thin.",
    );
    expect(redactPeople('Ms Patel noted that you did not ask about Leeds.')).toBe('Ms [name] noted that you did not ask about Leeds.');
    expect(redactPeople('Tom from our Bristol office said your Sage knowledge was thin. Deloitte agreed.')).toBe(
      '[name] from our Bristol office said your Sage knowledge was thin. Deloitte agreed.',
    );
    expect(redactPeople('Grace and Daniel both scored below the cut-off.')).toBe('[name] and [name] both scored below the cut-off.');
  });

  it('keeps a company named after people when only half of its hyphenated name looks like one', () => {
    expect(redactPeople('Rolls-Royce required security clearance.')).toBe('Rolls-Royce required security clearance.');
    expect(redactPeople('Anna Smith-Jones interviewed you.')).toBe('[name] [name]-[name] interviewed you.');
  });
});

describe('names the recogniser does not know, and names in shorthand', () => {
  it('hides given names from many backgrounds that only the list of names knows', () => {
    expect(redactPeople('Oluwaseun felt the case study lacked numbers.')).toBe('[name] felt the case study lacked numbers.');
    expect(redactPeople('Bogdan and Agnieszka both failed the numerical test.')).toBe('[name] and [name] both failed the numerical test.');
    expect(redactPeople('Professor Nwosu thought your review was thin.')).toBe('Professor [name] thought your review was thin.');
    expect(redactPeople('Yaw and Efua applied to the Manchester scheme.')).toBe('[name] and [name] applied to the Manchester scheme.');
  });

  it('hides a lowercase name only beside a word that marks a person', () => {
    expect(redactPeople('spoke to anjali re: the offer')).toBe('spoke to [name] re: the offer');
    expect(redactPeople('yusuf said the recruiter wanted more.')).toBe('[name] said the recruiter wanted more.');
    expect(redactPeople('spoke with ngozi about the assessor.')).toBe('spoke with [name] about the assessor.');
    // The same words with nothing marking a person stay.
    expect(redactPeople('the anjali template was used.')).toBe('the anjali template was used.');
    expect(redactPeople('spoke to the recruiter re offer.')).toBe('spoke to the recruiter re offer.');
  });

  it('hides a lowercase name after a word of getting in touch: ring, contact, email, ask for', () => {
    expect(redactPeople('Cover letter generic, ring sam on [phone] for more detail.')).toBe(
      'Cover letter generic, ring [name] on [phone] for more detail.',
    );
    expect(redactPeople('Ask for raj if you want more info.')).toBe('Ask for [name] if you want more info.');
    expect(redactPeople('contact femi for details.')).toBe('contact [name] for details.');
    expect(redactPeople('email chioma for more.')).toBe('email [name] for more.');
    for (const [text, hidden] of [
      ['reach out to kemi in HR', 'reach out to [name] in HR'],
      ['phone kemi on monday', 'phone [name] on monday'],
      ['text kemi for the slot', 'text [name] for the slot'],
      ['ask kemi for details', 'ask [name] for details'],
      ['hiring manager kemi was clear', 'hiring manager [name] was clear'],
      ['the recruiter kemi was clear', 'the recruiter [name] was clear'],
    ])
      expect(redactPeople(text)).toBe(hidden);
    // What such words are followed by when they name no one stays.
    expect(redactPeople('ring reception and ask for feedback, or contact careers by email.')).toBe(
      'ring reception and ask for feedback, or contact careers by email.',
    );
    expect(redactPeople('text analysis was weak; ask about the rota; the hiring manager said no.')).toBe(
      'text analysis was weak; ask about the rota; the hiring manager said no.',
    );
  });

  it('takes an English word for a name only where nothing but a person stands', () => {
    for (const text of [
      'team is on-call rota with constant reprioritising.',
      'the team had a blast talking robotics with you.',
      'my boss rang mid-interview and I answered.',
      "The ute's a manual and you've only got an auto licence.",
      'half the rota is overnight, per the hiring manager.',
    ])
      expect(redactPeople(text)).toBe(text);
    // Such a word where a person stands: rung, spoken to, or doing what a person does.
    expect(redactPeople('rang rota twice.')).toBe('rang [name] twice.');
    expect(redactPeople('talking to rota now.')).toBe('talking to [name] now.');
    expect(redactPeople('per rota said no.')).toBe('per [name] said no.');
  });

  it('takes no code, month, holiday or word after a possessive for part of a name', () => {
    expect(redactPeople("Client said Ravi's CV lists duties at every job.")).toBe("Client said [name]'s CV lists duties at every job.");
    expect(redactPeople("Heard back: Ahmed's NMC PIN isn't live yet.")).toBe("Heard back: [name]'s NMC PIN isn't live yet.");
    expect(redactPeople('Call w/ Sunita (HM): she needs hospital pharmacy.')).toBe('Call w/ [name] (HM): she needs hospital pharmacy.');
    // Unless someone is called so: a name in capitals stays hidden.
    expect(redactPeople('Interview notes from Tariq: spoke to JO about the offer.')).not.toContain('JO');
    expect(redactPeople('Earliest start: January (contract mobilises October)')).toBe(
      'Earliest start: January (contract mobilises October)',
    );
    expect(redactPeople('You asked when the Christmas shutdown was.')).toBe('You asked when the Christmas shutdown was.');
    expect(redactPeople('more excited about the per diem than the product.')).toBe('more excited about the per diem than the product.');
    // A month that does what a person does is one.
    expect(redactPeople('June said the answers were thin.')).toBe('[name] said the answers were thin.');
  });

  it('keeps places, employers and tools named like people', () => {
    expect(redactPeople('The team in Chester wanted SQL.')).toBe('The team in Chester wanted SQL.');
    expect(redactPeople('Grant Thornton said the audit answers were weak.')).toBe('Grant Thornton said the audit answers were weak.');
    expect(redactPeople('Procter & Gamble felt the case answers were rushed.')).toBe('Procter & Gamble felt the case answers were rushed.');
    expect(redactPeople('Good answers on Terraform but weak on Jira.')).toBe('Good answers on Terraform but weak on Jira.');
    // A title says a person: "Ms Jacobs" is hidden though Jacobs the employer is kept.
    expect(redactPeople('Ms Jacobs said no. Jacobs hires graduates.')).toBe('Ms [name] said no. Jacobs hires graduates.');
    // Degrees written with a dot are not names, nor sentence starts.
    expect(redactPeople('You hold an M.Sc and a B.Tech, and Kasia said both fit.')).toBe(
      'You hold an M.Sc and a B.Tech, and [name] said both fit.',
    );
    // Languages and shorthand the list of names holds stay.
    expect(redactPeople('Spoke to Aoife: the role needs fluent Spanish and tech skills.')).toBe(
      'Spoke to [name]: the role needs fluent Spanish and tech skills.',
    );
    // A possessive after "in" is a person's: "in Tomasz's team".
    expect(redactPeople("You would have worked in Tomasz's team.")).toBe("You would have worked in [name]'s team.");
  });
});

describe('names no list holds', () => {
  it('hides a capitalised word no list holds when only a person could do what follows, not when a skill could', () => {
    expect(redactPeople('Xiaoming said the coding exercise was slow.')).toBe('[name] said the coding exercise was slow.');
    expect(redactPeople('Kubernetes was the weakest part.')).toBe('Kubernetes was the weakest part.');
  });

  it("keeps the row's employer wherever the text names it, without its legal form", () => {
    expect(redactPeople('We merged with Hartwell last year.', ['Hartwell Ltd'])).toBe('We merged with Hartwell last year.');
    expect(redactPeople('Spoke to Hartwell re: the offer.')).toBe('Spoke to [name] re: the offer.');
  });
});

describe('feedback in the other languages read (German, French, Spanish, Dutch)', () => {
  it('keeps a pronoun or possessive the list of names holds when it starts a sentence', () => {
    for (const text of [
      'Tu as bien fait.',
      "Vous avez été excellent. Tu n'as pas assez d'expérience.",
      'Je pense que tu étais stressé.',
      'El candidato no tenía experiencia. Tu CV era genérico.',
      'Je was te nerveus.',
      'Dein Lebenslauf war zu lang.',
      'Les réponses étaient vagues.',
    ])
      expect(redactPeople(text), text).toBe(text);
  });

  it('still hides such a word as part of a name, after a name or before one', () => {
    expect(redactPeople('Hoang Tu mentioned you were late.')).toBe('[name] [name] mentioned you were late.');
    expect(redactPeople('Tu Anh said you were late.')).toBe('[name] [name] said you were late.');
  });

  it('takes no everyday word of those languages for a name after a word of contact', () => {
    expect(redactPeople('Het was goed. Met vriendelijke groet')).toBe('Het was goed. Met vriendelijke groet');
  });
});

describe('nouns and pronouns of German, Dutch, French and Spanish feedback are not names', () => {
  it.each([
    'Leider war die Stelle nicht auf Ihr Profil zugeschnitten.',
    'Ihr Deutsch reichte für die Rolle nicht aus.',
    'Der Bewerber kam zu spät; die Arbeit im Vertrieb fehlte.',
    'Im Vorstellungsgespräch wirkten Sie unsicher.',
    'Leider fehlte Ihnen die Erfahrung im Markt.',
    'Helaas was de Taal niet voldoende voor ons.',
    'Wij kozen voor iemand met meer ervaring.',
    'Het gesprek met een collega ging goed.',
    'Malheureusement la Poste était trop exigeante pour vous.',
    'Lamentablemente su Carta no era suficiente para nosotros.',
  ])('%s stays whole', (text) => {
    expect(redactPeople(text)).toBe(text);
  });

  it.each([
    ['Frau Yilmaz fand die Antworten zu allgemein.', 'Frau [name] fand die Antworten zu allgemein.'],
    ['Der Bewerber Herr Müller kam zu spät.', 'Der Bewerber Herr [name] kam zu spät.'],
    ['Kollegin Anna Becker meinte, die Präsentation war zu lang.', 'Kollegin [name] [name] meinte, die Präsentation war zu lang.'],
    ['Oluwaseun war leider zu spät.', '[name] war leider zu spät.'],
    ['Wij hebben Priya niet gekozen.', 'Wij hebben [name] niet gekozen.'],
    ['Mevrouw de Vries was niet overtuigd.', 'Mevrouw de [name] was niet overtuigd.'],
  ])('still hides the names in %s', (text, redacted) => {
    expect(redactPeople(text)).toBe(redacted);
  });
});
