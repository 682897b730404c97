import { describe, expect, it } from 'vitest';
import { compileCues, findCues } from '../../src/classify/cues.js';

describe('findCues', () => {
  const cues = compileCues(['over-rehearsed', 'eye contact', 'rambl', 'Cover Letter', 'track record']);

  it('matches by stem and case, as whole words in order', () => {
    expect(findCues(cues, 'You sounded Over Rehearsed and your EYE CONTACT was poor.')).toEqual(['over-rehearsed', 'eye contact']);
    expect(findCues(cues, 'Your cover letters were generic')).toEqual(['Cover Letter']);
    expect(findCues(cues, 'Your answers rambled on')).toEqual(['rambl']);
    expect(findCues(compileCues(['relocat', 'proficien', 'cv']), 'relocation and proficiency; CVs')).toEqual([
      'relocat',
      'proficien',
      'cv',
    ]);
    expect(findCues(compileCues(['cv']), 'cvx')).toEqual([]);
    expect(findCues(cues, 'contact by eye')).toEqual([]);
    expect(findCues(cues, 'a strong record on the track')).toEqual([]);
  });

  it('returns each cue once in taxonomy order', () => {
    expect(findCues(cues, 'Track record. Cover letter. Track record again.')).toEqual(['Cover Letter', 'track record']);
  });
});
