import { describe, expect, it } from 'vitest';
import {
  type CompiledCue,
  compileCues,
  countCues,
  type CueText,
  findCueRanges,
  findCues,
  prepareCueText,
} from '../../src/classify/cues.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

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

  it('finds no cue inside markup: "<script>" is not "scripted"', () => {
    const delivery = compileCues(['scripted', 'eye contact']);
    const text = '<script>alert(1)</script> <!-- scripted --> You avoided <em class="scripted">eye contact</em>.';
    expect(findCues(delivery, text)).toEqual(['eye contact']);
    expect(findCueRanges(delivery, text).map((r) => text.slice(r.start, r.end))).toEqual(['eye contact']);
    expect(findCues(delivery, 'Your answers sounded scripted.')).toEqual(['scripted']);
  });

  it('returns each cue once in taxonomy order', () => {
    expect(findCues(cues, 'Track record. Cover letter. Track record again.')).toEqual(['Cover Letter', 'track record']);
  });
});

describe('countCues', () => {
  it("counts the cues that occur, exactly as trying every cue at every word would, whatever the taxonomy's cues", async () => {
    const taxonomy = await loadTaxonomy(undefined);
    const texts = [
      'You sounded over-rehearsed, and your eye contact was poor; the cover letters rambled.',
      'Relocation was an issue and your track record in client-facing work was thin.',
      'We went with someone who had more hands-on experience and stronger Python.',
      'cv',
      'Excellent interview, thank you.',
      '',
    ];
    /** Every cue tried at every word, as countCues did before it looked its first word up. */
    const tried = (cues: CompiledCue[], text: CueText) =>
      cues.filter((cue) =>
        text.words.some(
          (_, i) =>
            i + cue.words.length <= text.words.length &&
            cue.words.every((word, j) => text.stems[i + j] === cue.stems[j] || (word.length >= 4 && text.words[i + j]!.startsWith(word))),
        ),
      ).length;
    let found = 0;
    for (const theme of taxonomy.themes) {
      const cues = compileCues(theme.cues);
      for (const text of texts) {
        const prepared = prepareCueText(text);
        expect(countCues(cues, prepared), `${theme.id}: ${text}`).toBe(tried(cues, prepared));
        found += countCues(cues, prepared);
      }
    }
    expect(found).toBeGreaterThan(5);
  });
});
