// Feedback pasted from an HTML email, or exported by a platform that stores the email's HTML:
// "<p>Hi Jo,</p><p>Thanks for coming in.&nbsp;Unfortunately …<br>Kind regards,<br>Sam Carter</p>".
// Its paragraphs and line breaks become lines and its entities characters, so sentences part where
// the email parts them and a sign-off is found at the end of the text (and its name hidden). Only
// the tags that format an email go; any other tag (<script>, <img …>) stays as written, escaped
// wherever it is shown and left out of what is classified (classify/markup.ts).

/** Tags that break a line: paragraphs, line breaks, blocks, list items, table rows. */
const LINE_BREAKING = /<(?:br|hr)\s*\/?>|<\/?(?:p|div|li|ul|ol|tr|table|tbody|thead|blockquote|h[1-6])(?:\s[^<>]{0,500})?>/gi;
/**
 * What a mail client writes that is no text of the email: the <head> with its <style> sheet, comments
 * (Outlook's conditional ones), and the tags of links and metadata (a link's words stay). Shown as
 * written, Outlook's "p.MsoNormal {margin:0cm; …}" stood above the feedback on a student's page.
 */
const NOT_TEXT =
  /<head(?:\s[^<>]{0,500})?>[\s\S]{0,20000}?<\/head>|<style(?:\s[^<>]{0,500})?>[\s\S]{0,20000}?<\/style>|<!--[\s\S]{0,20000}?-->|<\/?(?:a|meta|title|link|xml|o:p)(?:\s[^<>]{0,2000})?\/?>/gi;
/** Tags that only style text: gone, leaving their words. */
const STYLING = /<\/?(?:span|font|b|strong|i|em|u|small|big|sup|sub|td|th|html|body|o:p|center)(?:\s[^<>]{0,500})?>/gi;
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  pound: '£',
  euro: '€',
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;

/** Whether the text is formatted as an HTML email: a tag that breaks a line or an entity such as &nbsp;. */
function isHtmlEmail(text: string): boolean {
  LINE_BREAKING.lastIndex = 0;
  return (text.includes('<') && LINE_BREAKING.test(text)) || /&(?:nbsp|amp|#\d{2,4});/i.test(text);
}

function decodeEntity(entity: string, decimal?: string, hex?: string, name?: string): string {
  const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
  if (code !== undefined) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
  return Object.hasOwn(NAMED_ENTITIES, name!.toLowerCase()) ? NAMED_ENTITIES[name!.toLowerCase()]! : entity;
}

/** The text of an HTML email body (lines for its paragraphs and breaks, entities decoded); other text as it is. */
export function emailBodyText(text: string): string {
  if (!isHtmlEmail(text)) return text;
  return text.replace(NOT_TEXT, '').replace(LINE_BREAKING, '\n').replace(STYLING, '').replace(ENTITY, decodeEntity);
}
