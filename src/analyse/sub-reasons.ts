// A theme's advice is general; where a student's feedback for it names one clear kind of shortfall,
// the suggestion speaks to that instead ("practise more thoroughly", as the seeds put it, means
// practising the thing that failed): numerical tests → practise such tests, a presentation →
// rehearse it with someone who will give honest feedback.

interface SubReason {
  themeId: string;
  /** Words in the feedback that name the shortfall. */
  pattern: RegExp;
  advice: string;
}

const SUB_REASONS: readonly SubReason[] = [
  {
    themeId: 'assessment',
    pattern: /\b(?:numerical|numeracy|verbal|logical|abstract|inductive|deductive|psychometric|aptitude|reasoning)\b/i,
    advice:
      'Practise timed aptitude tests of the same kind (numerical, verbal or logical reasoning) until the format holds no surprises, then sit one under exam conditions.',
  },
  {
    themeId: 'assessment',
    pattern: /\bpresentations?\b/i,
    advice:
      'Rehearse the presentation aloud and against the clock, in front of someone who will give honest feedback, such as a careers coach.',
  },
  {
    themeId: 'delivery',
    pattern: /\bpresentations?\b/i,
    advice:
      'Rehearse the presentation aloud and against the clock, in front of someone who will give honest feedback, such as a careers coach.',
  },
];

/** The advice for the shortfall most of these texts name under this theme, or null when none is clear. */
export function subReasonAdvice(themeId: string, texts: readonly string[]): string | null {
  if (texts.length === 0) return null;
  for (const reason of SUB_REASONS) {
    if (reason.themeId !== themeId) continue;
    const naming = texts.filter((text) => reason.pattern.test(text)).length;
    if (naming * 2 > texts.length) return reason.advice;
  }
  return null;
}
