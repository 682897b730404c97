import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotedRanges } from '../../src/classify/quoted.js';
import { segmentText } from '../../src/classify/segment.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

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

  it('ends where the ">" lines under its header end: a reply written below the quote is read', () => {
    const reply =
      'On Thu, 5 Mar 2026 at 14:02, [name] <[email]> wrote:\n> Could you tell me why I was not successful?\n>\n> Thanks, [name]\n\nYour answers lacked examples with measurable results.';
    expect(segments(reply)).toEqual(['Your answers lacked examples with measurable results.']);
    expect(segments(reply.replaceAll('\n', '\r\n'))).toEqual(['Your answers lacked examples with measurable results.']);
    // A quote interleaved with answers: each answer is read, no quoted line is.
    expect(
      segments('On Thu, 5 Mar 2026, [name] wrote:\n> Was it my CV?\nNo, the CV was fine.\n> My answers then?\nThey lacked examples.'),
    ).toEqual(['No, the CV was fine.', 'They lacked examples.']);
    // Without ">" lines under it, the header still quotes everything below.
    expect(segments('You lacked examples.\n\nOn Tue, 3 Mar 2026, [name] wrote:\nI was nervous and rambled.')).toEqual([
      'You lacked examples.',
    ]);
  });

  it('leaves the reply under the quote to be classified: the item gets its theme in a run', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'ft-quoted-'));
    try {
      const input = path.join(work, 'in.csv');
      await writeFile(
        input,
        'id,feedback\n1,"Reply from the recruiter:\n\nOn Thu, 5 Mar 2026 at 14:02, Sam <sam@example.com> wrote:\n> Could you tell me why I was not successful?\n> Thanks, Sam\n\nYour answers lacked examples with measurable results."\n',
      );
      const out = path.join(work, 'out');
      const { code, stderr } = await runCli(['run', input, '--out', out, '--no-store', '--engine', 'lexical'], {
        FEEDBACK_THEMES_CACHE: path.join(work, 'no-models'),
      });
      expect(code, stderr).toBe(0);
      const [item] = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
      expect(item!.themes).toBe('examples');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
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

  it('is read whole when Outlook forwarded it (Subject: FW:) or a note above says it is passed on', () => {
    const header = 'From: Tom <[email]>\nSent: 01 March 2026 10:00\nTo: [name] <[email]>\nSubject: ';
    for (const text of [
      `Forwarding the feedback below.\n\n${header}Feedback\n\nYou were late and your examples lacked results.`,
      `Please see the feedback below.\n\n${header}Feedback\n\nYou were late and your examples lacked results.`,
      `Hi, passing this on.\n\n${header}FW: Feedback\n\nYou were late and your examples lacked results.`,
    ])
      expect(quotedRanges(text)).toEqual([]);
    // A reply above the employer's earlier email is still the reply, and so is feedback a note points to.
    expect(quotedRanges(`Thank you, I will work on it.\n\n${header}Feedback\n\nYou were late.`)).toHaveLength(1);
    const own =
      'Please see the feedback below.\n\nThe panel felt your answers were rehearsed and lacked examples from your placement, and the case study ran over time.\n\n';
    expect(quotedRanges(`${own}${header}Feedback request\n\nI was so nervous, I think I rambled.`)).toHaveLength(1);
  });
});
