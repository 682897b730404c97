// A theme's advice is general; where a student's feedback for it names one clear kind of shortfall,
// the suggestion speaks to that instead ("practise more thoroughly", as the seeds put it, means
// practising the thing that failed): numerical tests → practise such tests, a presentation →
// rehearse it with someone who will give honest feedback, nerves → mock interviews until the
// format is familiar, too little experience at that level → a stepping-stone role, a tool the job
// uses (SQL, Excel) → learn it with a project to show, a licence or certificate → find the route to it.

interface SubReason {
  themeId: string;
  /** Words in the feedback that name the shortfall. */
  pattern: RegExp;
  advice: string;
}

const PRESENTATION =
  'Rehearse the presentation aloud and against the clock, in front of someone who will give honest feedback, such as a careers coach.';

/** Most specific first: where two are named equally often, the earlier one is given. */
const SUB_REASONS: readonly SubReason[] = [
  {
    themeId: 'assessment',
    pattern: /\b(?:numerical|numeracy|numeric)\b/i,
    advice:
      'Practise timed numerical reasoning tests (percentages, ratios, reading tables and charts) until the format holds no surprises, then sit one under exam conditions.',
  },
  {
    themeId: 'assessment',
    pattern: /\b(?:verbal|critical)[\s-]+reasoning\b|\bverbal (?:test|assessment)s?\b/i,
    advice:
      'Practise timed verbal reasoning tests (true, false or cannot say from the passage alone) until the format holds no surprises, then sit one under exam conditions.',
  },
  {
    themeId: 'assessment',
    pattern: /\bsituational[\s-]+judge?ment\b|\bSJTs?\b/,
    advice:
      'Read the employer’s values and the role’s competencies, then practise situational judgement tests, choosing each answer for what this employer would want done.',
  },
  {
    themeId: 'assessment',
    // Before case studies: a group case study is judged on how the candidate works in the group.
    pattern:
      /\bgroup[\s-]+(?:exercises?|tasks?|discussions?|activit(?:y|ies)|case[\s-]+stud(?:y|ies)|work)\b|\bteam (?:exercises?|tasks?)\b/i,
    advice:
      'Practise group exercises, in a mock assessment centre or a group task with other students: speak early, build on others’ ideas by name, bring quieter members in and help the group reach an answer on time.',
  },
  {
    themeId: 'assessment',
    pattern: /\bcase[\s-]+(?:stud(?:y|ies)|exercises?|interviews?)\b/i,
    advice:
      'Practise case studies against the clock with someone who can play the assessor: structure the problem, say your assumptions aloud and end with a clear recommendation.',
  },
  {
    themeId: 'assessment',
    // A coding interview or algorithm problem is a technical test under another name.
    pattern:
      /\b(?:technical|coding|programming|take[\s-]+home)\s+(?:tests?|tasks?|exercises?|challenges?|assessments?)\b|\b(?:coding|programming)\s+(?:interviews?|rounds?|questions?|problems?)\b|\balgorithm(?:s|ic)?\s+(?:problems?|questions?)\b/i,
    advice:
      'Find out what the technical test covered and practise that skill on problems of the same kind, under a time limit, explaining your reasoning as you go.',
  },
  {
    themeId: 'assessment',
    pattern: /\b(?:logical|abstract|inductive|deductive|diagrammatic|psychometric|aptitude|reasoning)\b/i,
    advice:
      'Practise timed aptitude tests of the same kind (numerical, verbal or logical reasoning) until the format holds no surprises, then sit one under exam conditions.',
  },
  { themeId: 'assessment', pattern: /\bpresentations?\b/i, advice: PRESENTATION },
  { themeId: 'delivery', pattern: /\bpresentations?\b/i, advice: PRESENTATION },
  {
    themeId: 'delivery',
    pattern:
      /\bnerv(?:es|ous|ousness)\b|\banxious\b|\bflustered\b|\b(?:lacked|lack of|more|little) confidence\b|\bhesita(?:nt|ted|tion)\b/i,
    advice:
      'Practise interview technique in mock interviews, with a careers coach if you can, until the format is familiar: nerves ease with rehearsal, and a short pause to think is fine.',
  },
  {
    themeId: 'delivery',
    pattern: /\brambl(?:e|ed|es|ing)\b|\blong[\s-]+winded\b|\bwaffl(?:e|ed|ing)\b|\b(?:more )?concise\b|\btangents?\b|\btoo long\b/i,
    advice:
      'Practise answering in about two minutes with a clear structure (situation, task, action, result), and stop once the question is answered: record yourself and time it.',
  },
  {
    themeId: 'experience',
    pattern:
      /\b(?:sector|industry|field|domain|market)[\s-]+(?:specific\s+)?(?:experience|knowledge|background)\b|\bexperience (?:in|of|within) (?:the |this |our |a similar |an? )?(?:[a-z]+ )?(?:sector|industry|field|domain)\b/i,
    advice:
      'Get experience in the sector itself (a placement, volunteering, a short project or a stepping-stone role there) and name it in your next applications.',
  },
  {
    themeId: 'experience',
    pattern:
      /\bmore (?:senior|experienced)\b|\bseniority\b|\b(?:years|level) of experience\b|\btoo junior\b|\bmanagement experience\b|\bexperience at (?:this|that|a higher|a senior) level\b/i,
    advice:
      'Aim for roles at the level your experience fits now (a stepping-stone role), build the missing experience there, and apply again for this level later.',
  },
  {
    themeId: 'qualifications',
    // A tool the job uses every day: "gaps in SQL and Python", "could not build a pivot or a VLOOKUP".
    pattern:
      /\b(?:SQL|Python|Java(?:Script)?|C\+\+|C#|Excel|VLOOKUPs?|pivot(?: tables?)?|Power ?BI|Tableau|AutoCAD|Revit|MATLAB|SAP|coding|programming)(?![\w+#])/i,
    advice:
      'Learn the tool the feedback names with a short course and a practice project you can show (a worked spreadsheet, a small analysis, code you can share), then put it on your CV where a reader sees it within 10 seconds.',
  },
  {
    themeId: 'qualifications',
    pattern: /\b(?:2:1|2\.1|2:2|first[\s-]class|UCAS|GPA|A-levels?|grades|degree classification)(?!\w)/i,
    advice:
      'Where a grade is a cut-off, look for employers and schemes that set none (many say so on their site) or a route in that does not ask for it, such as an apprenticeship, a master’s or a stepping-stone role.',
  },
  {
    themeId: 'qualifications',
    pattern:
      /\b(?:certificates?|certification|certified|licen[cs]es?|licensed|chartered|accredit\w*|CIPD|ACCA|CIMA|CPA|PRINCE2|CSCS|SIA|NVQ|diploma|registration|level \d)\b/i,
    advice:
      'Find out how to get the qualification or licence the feedback names (the course, its cost, how long it takes, whether employers fund it), start it, and meanwhile apply to roles that take people working towards it.',
  },
];

/** No more pieces of advice than this are put together for one theme. */
const MOST_NAMED = 3;

/**
 * Where no one shortfall is named in most texts but several together are (a presentation that ran
 * over, a quiet group exercise, a case study that missed the point), the advice for each: "ask which
 * part fell short" is no use when the feedback already says. The more specific first, each only
 * for a text the ones before it do not name; null unless two or more cover most of the texts.
 */
function severalNamed(reasons: readonly SubReason[], texts: readonly string[]): string | null {
  const covered = new Set<number>();
  const advice: string[] = [];
  for (const reason of reasons) {
    const naming = texts.flatMap((text, i) => (!covered.has(i) && reason.pattern.test(text) ? [i] : []));
    if (naming.length === 0 || advice.includes(reason.advice)) continue;
    for (const i of naming) covered.add(i);
    advice.push(reason.advice);
    if (advice.length === MOST_NAMED) break;
  }
  return advice.length >= 2 && covered.size * 2 > texts.length ? advice.join(' ') : null;
}

/**
 * The advice for the shortfall most of these texts name under this theme; else for each of the
 * several that together most of them name; null when none is clear.
 */
export function subReasonAdvice(themeId: string, texts: readonly string[]): string | null {
  if (texts.length === 0) return null;
  const reasons = SUB_REASONS.filter((reason) => reason.themeId === themeId);
  let best: { advice: string; naming: number } | null = null;
  for (const reason of reasons) {
    const naming = texts.filter((text) => reason.pattern.test(text)).length;
    // Clear means named in most of the texts; the most often named wins, the more specific on a tie.
    if (naming * 2 > texts.length && (best === null || naming > best.naming)) best = { advice: reason.advice, naming };
  }
  return best?.advice ?? severalNamed(reasons, texts);
}
