import { describe, expect, it } from 'vitest';
import { readsAsChatTranscript } from '../../src/ingest/chat-transcript.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { cliErrorOf, defaultOptions, tempFiles } from './helpers.js';

describe('readsAsChatTranscript', () => {
  it.each([
    [['[10:32] Jo Bloggs']],
    [['[14/03/2026 10:32] Jo Bloggs']],
    [['Jo Bloggs  10:32 AM']],
    [['Jo Bloggs', ' Today at 10:32']],
    [['Jo Bloggs 14/03/2026 10:32']],
    [['14/03/2026', ' 10:32 - Jo Bloggs: Acme said my answers', ' as ever', ' were too long.']],
    [['[14/03/2026', ' 10:32:05] Jo Bloggs: Acme said no.']],
  ])('a message heading: %j', (headers) => {
    expect(readsAsChatTranscript(headers)).toBe(true);
  });

  it.each([
    [['Student', 'Notes']],
    [['S1001', 'Interview at 10:30', 'Acme', 'Your answers were too long.']],
    [['Your answers lacked examples. We met at 10:30 AM']],
    [['The interview was at 10:30']],
  ])('not a message heading: %j', (headers) => {
    expect(readsAsChatTranscript(headers)).toBe(false);
  });
});

describe('a chat saved as .txt', () => {
  const files = tempFiles();

  it.each([
    ['teams.txt', '[10:32] Jo Bloggs\nAcme said my answers were too long, and I had not researched them.\n\n[10:35] Sam Patel\nThanks!\n'],
    [
      'slack.txt',
      'Jo Bloggs  10:32 AM\nAcme said my answers were too long, and I had not researched them.\nSam Patel  10:35 AM\nThanks!\n',
    ],
    [
      'whatsapp.txt',
      '14/03/2026, 10:32 - Jo Bloggs: Acme said my answers were too long, and vague.\n14/03/2026, 10:35 - Sam Patel: Thanks!\n',
    ],
  ])('%s exits 2 saying it is a chat and how to make a table of it, quoting no sender and no message', async (name, content) => {
    const file = files.write(name, content);
    const error = await cliErrorOf(() => ingestFiles([file], defaultOptions()));
    expect(error.exitCode).toBe(2);
    expect(error.message.startsWith(`${file}: `)).toBe(true);
    expect(error.message).toContain('reads as a chat saved as text');
    expect(error.message).toContain('save it as CSV');
    // The file's own path is a random temporary folder ("ingest-test-JoYhGt"): what must not be
    // quoted is the chat, so it is read after the path.
    const said = error.message.slice(file.length);
    for (const personal of ['Jo', 'Bloggs', 'Sam', 'Patel', 'Acme', 'researched', 'Thanks']) expect(said).not.toContain(personal);
  });
});
