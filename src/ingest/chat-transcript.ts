// A chat pasted or saved as text (Teams, Slack, WhatsApp): each message under, or after, its sender
// and time. It is not a table of feedback: a message is not a row, its sender may be the adviser,
// and many messages ("Thanks!", "Any news?") are no feedback at all, so read as rows they would put
// students on the "no reason given" list. It is refused with how to make a table of it instead.

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?`;
const DATE = String.raw`\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?`;
/** A sender: one to four capitalised words ("Jo Bloggs", "Dr O'Neil") or a handle ("jo.bloggs"), not a sentence. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|[\p{L}\d]+[._][\p{L}\d._]+)`;
const SENDER = String.raw`${NAME_WORD}(?:\s${NAME_WORD}){0,3}`;

// WhatsApp: "14/03/2026, 10:32 - Jo Bloggs: message", "[14/03/2026, 10:32:05] Jo Bloggs: message".
const WHATSAPP_LINE = new RegExp(String.raw`^\[?${DATE},?\s*${TIME}\]?\s*(?:[-–]\s*)?${SENDER}:\s`, 'u');

const MESSAGE_HEADINGS = [
  // Teams: "[10:32] Jo Bloggs", "[14/03/2026 10:32] Jo Bloggs".
  new RegExp(String.raw`^\[(?:${DATE},?\s*)?${TIME}\]\s*${SENDER}$`, 'u'),
  // Slack, Teams: "Jo Bloggs  10:32 AM", "Jo Bloggs, Today at 10:32", "Jo Bloggs 14/03/2026 10:32".
  new RegExp(String.raw`^${SENDER},?\s+(?:(?:[Tt]oday|[Yy]esterday)\s+at\s+|${DATE},?\s*)?${TIME}$`, 'u'),
  WHATSAPP_LINE,
];

/**
 * Whether a file whose feedback column was not found is a chat: its first line a message heading (a
 * sender and a time), in at most two cells as a heading split at a comma is (a WhatsApp line, with its
 * message, in any number).
 */
export function readsAsChatTranscript(headers: readonly string[]): boolean {
  const line = headers.join(', ').trim();
  // A WhatsApp line carries its message, whose commas split it into any number of cells and whose
  // words make it long; a heading of the others is a sender and a time alone.
  if (headers.length > 2 || line.split(/\s+/).length > 8) return WHATSAPP_LINE.test(line);
  return MESSAGE_HEADINGS.some((heading) => heading.test(line));
}

export const CHAT_TRANSCRIPT_FIX =
  'It reads as a chat saved as text (Teams, Slack or WhatsApp messages, each with its sender and time), not a table of feedback: ' +
  'a message is not a row, and many messages are not feedback. Copy each piece of feedback into a spreadsheet, a row each, with columns ' +
  'such as Student ID, Date, Employer, Stage and Feedback, save it as CSV and run on that file.';
