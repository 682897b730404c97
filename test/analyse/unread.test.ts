import { describe, expect, it } from 'vitest';
import { setAsideUnread, unreadBy, withUnreadSetAside } from '../../src/analyse/unread.js';
import type { ClassifiedItem, IngestFileReport } from '../../src/types.js';

describe('unreadBy', () => {
  it('reads feedback in Welsh, French, Spanish, German and Hindi in Latin script as another language', () => {
    for (const text of [
      'Roedd eich atebion yn rhy gyffredinol ac nid oedd enghreifftiau penodol.',
      "Vos réponses manquaient d'exemples concrets et vous sembliez peu motivé.",
      'No tenía la titulación requerida.',
      'Ihre Antworten waren zu allgemein und ohne konkrete Beispiele.',
      'Aapka CV tailor nahi kiya gaya tha job description ke hisaab se.',
    ])
      expect(unreadBy(text), text).toBe('other-language');
  });

  it('reads a link, "see attached" and a pointer between thanks as feedback kept elsewhere', () => {
    for (const text of [
      'https://example.com/feedback/12345',
      'see attached',
      'Thank you. Please see the attached letter.',
      'Please refer to the attached document for the panel’s full notes.',
      'Feedback in the email sent on 3 May',
    ])
      expect(unreadBy(text), text).toBe('elsewhere');
  });

  it('reads English, shorthand, codes and a pointer followed by a reason as readable', () => {
    for (const text of [
      'Your answers lacked specific examples.',
      'EXP SHORTFALL - 24 mths vs 60 mths spec',
      'NQ - HRBP req chartered member (Assoc CIPD min); cand has L3 only',
      'lateness didnt matter',
      'no autocad / revit',
      'See attached. Too vague.',
      'Please find below feedback: too vague.',
      'Saltmarsh Digital and Kestrel Software both went with Priyanka’s colleague.',
      'N/A',
      '',
      '👍',
    ])
      expect(unreadBy(text), text).toBeNull();
  });
});

const entry = (id: string, text: string, line: number): ClassifiedItem => ({
  item: { id, candidate: 'S1', cohort: null, stage: null, employer: null, role: null, date: null, text, source: 'in/export.csv', line },
  themes: [
    {
      themeId: 'assessment',
      score: 0.6,
      confidence: 0.85,
      evidence: { segmentIndex: 0, segment: text, exemplar: '', cues: [], cueRanges: [], score: 0.6 },
    },
  ],
  segments: [],
});

describe('withUnreadSetAside', () => {
  const file = { source: 'in/export.csv', notes: ['an earlier note'] } as unknown as IngestFileReport;
  const other = { source: 'other.csv', notes: [] } as unknown as IngestFileReport;

  it('states no theme as sure on feedback the model cannot read, and names its rows by file and line', () => {
    const classified = [
      entry('R1', 'Roedd eich atebion yn rhy gyffredinol ac nid oedd enghreifftiau penodol.', 2),
      entry('R2', 'Your answers lacked specific examples.', 3),
      entry('R3', 'see attached', 4),
    ];
    const { classified: out, readable, files, warnings } = withUnreadSetAside(classified, [file, other]);
    // Discovery groups only what can be read: unread text would be a group of its own.
    expect(readable.map((e) => e.item.id)).toEqual(['R2']);
    expect(readable[0]).toBe(out[1]);
    expect(out.map((e) => e.themes.map((theme) => theme.tentative ?? false))).toEqual([[true], [false], [true]]);
    expect(out.map((e) => e.unread)).toEqual(['other-language', undefined, 'elsewhere']);
    // The classifier's guess and its confidence are kept, as "possibly".
    expect(out[0]!.themes[0]!.confidence).toBe(0.85);
    expect(classified[0]!.themes[0]!.tentative).toBeUndefined();
    expect(files[0]!.notes).toHaveLength(3);
    expect(files[0]!.notes[1]).toMatch(/^1 row \(line 2\) of feedback not in English, which the model cannot read: .*"possibly"/);
    expect(files[0]!.notes[2]).toMatch(/^1 row \(line 4\) of feedback that only points elsewhere/);
    expect(files[1]).toBe(other);
    expect(warnings).toEqual(files[0]!.notes.slice(1).map((note) => `export.csv: ${note}`));
    expect(warnings.join('\n')).not.toMatch(/Roedd|enghreifftiau|S1/);
  });

  it('leaves a blank reply as no feedback given', () => {
    const blank = { ...entry('R1', '', 2), item: { ...entry('R1', '', 2).item, noText: true as const } };
    expect(setAsideUnread([blank]).unread).toEqual([]);
  });
});
