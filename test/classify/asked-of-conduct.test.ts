import { describe, expect, it } from 'vitest';
import { asksOfOwnConduct } from '../../src/classify/asked-of-conduct.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('a question or worry of the candidate', () => {
  it.each([
    'Cand asked if being ten mins late mattered - client says she rang ahead and they were running behind anyway, zero weight.',
    'He asked about arriving five minutes after the time on his letter.',
    'His worry was that the manager walking out mid-interview was about him - it was a flood in the stockroom.',
    'He ask me if the receptionist was angry because of him.',
    'I asked whether taking the call outside had counted against me.',
    // The writer left out of their own note, or asking what went wrong.
    'Point-blank asked the recruiter whether turning up in jeans sank me.',
    "i asked what i could do better and she said 'honestly, nothing, it just wasn't you' and hung up",
  ])('"%s" says no conduct of theirs', (text) => {
    expect(asksOfOwnConduct(text)).toBe(true);
    expect(readSegment(text, DEFAULT_THEME_IDS).ruledOut).toContain('conduct');
  });

  it.each([
    // Conduct said outside the question, and the employer's side asking.
    'He asked if his lateness mattered; it did, and he was rude to reception too.',
    'Turned up late and asked if he could reschedule.',
    'I asked him about the lateness and he had no answer.',
    'We asked about his timekeeping.',
    'Late, then snapped at the panel when they asked about it.',
    // A note that asks of no writer is the employer's side asking.
    "Asked him whether he'd be happy working nights.",
    // Written to the candidate, the he or she who asks is someone else.
    'You argued with our manager when she asked about the gap in your CV.',
  ])('"%s" is read as it stands', (text) => {
    expect(asksOfOwnConduct(text)).toBe(false);
  });
});
