import { describe, expect, it } from 'vitest';
import { quotedRanges } from '../../src/classify/quoted.js';
import { segmentText } from '../../src/classify/segment.js';

const segments = (text: string) => segmentText('x', text).map((s) => s.text);

describe("a reply's quoted earlier email", () => {
  it('is not segmented: lines quoted with ">" and everything under a mail client\'s reply header', () => {
    expect(
      segments(
        'Your answers sounded scripted.\n\n> On Mon, 16 Mar 2026 at 09:12, Jo <[email]> wrote:\n> Could you give me feedback?\n> Thanks, Jo',
      ),
    ).toEqual(['Your answers sounded scripted.']);
    expect(
      segments(
        'The panel felt your answers lacked examples.\n\nOn Tue, 3 Mar 2026, [name] <[email]> wrote:\n> I was really nervous and I rambled.',
      ),
    ).toEqual(['The panel felt your answers lacked examples.']);
    expect(
      segments('You lacked examples.\n\nFrom: [name]\nSent: 03 March 2026 10:00\nSubject: Feedback\n\nI was nervous and rambled.'),
    ).toEqual(['You lacked examples.']);
    expect(segments('Zu wenig Erfahrung.\n\nAm 03.03.2026 um 10:00 schrieb [name] <[email]>:\nIch war nervös.')).toEqual([
      'Zu wenig Erfahrung.',
    ]);
  });

  it('is read whole when nothing else has words, when forwarded, or when no date says a mail client wrote the header', () => {
    expect(segments('> Unfortunately your answers were too generic.\n> Kind regards, Acme')).toHaveLength(2);
    expect(
      segments(
        'Here is what they said:\n---------- Forwarded message ---------\nFrom: Acme <[email]>\nDate: Mon\nYour answers were too generic.',
      ),
    ).toContain('Your answers were too generic.');
    expect(segments('On the score sheet the assessor wrote:\nLacked examples throughout.')).toContain('Lacked examples throughout.');
    expect(quotedRanges('You were late. > 5 minutes late in fact.')).toEqual([]);
  });
});
