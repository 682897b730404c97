import { describe, expect, it } from 'vitest';
import { emailBodyText } from '../../src/ingest/email-body.js';
import { cleanText } from '../../src/ingest/text.js';
import { redactFreeText } from '../../src/redact/index.js';

const HTML_EMAIL =
  '<p>Hi Jo,</p><p>Thanks for coming in.&nbsp;Unfortunately your answers felt rehearsed and you didn&#39;t give examples.<br>Kind regards,<br>Sam Carter</p>';

describe('feedback written as an HTML email', () => {
  it('reads its paragraphs and line breaks as lines and its entities as characters', () => {
    expect(cleanText(HTML_EMAIL, 20_000).text).toBe(
      "Hi Jo,\n\nThanks for coming in. Unfortunately your answers felt rehearsed and you didn't give examples.",
    );
    expect(
      cleanText('<div dir="ltr">Your CV was generic &amp; <b>untailored</b>.<div><br></div><div>Best,</div><div>Priya</div></div>', 20_000)
        .text,
    ).toBe('Your CV was generic & untailored.');
  });

  it('hides the name its greeting gives, and leaves its sign-off out (email-clutter.ts)', () => {
    const redacted = redactFreeText(cleanText(HTML_EMAIL, 20_000).text, []);
    expect(redacted).toMatch(/^Hi \[name\],/);
    expect(redacted).not.toContain('Sam');
    expect(redacted).not.toContain('Carter');
    expect(redacted).not.toContain('Kind regards');
  });

  it("leaves out what Outlook writes that is no text: its <head> and style sheet, comments, and links' tags (their words stay)", () => {
    const outlook =
      '<html><head><style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri";} --></style></head><body><!--[if gte mso 9]><xml><o:shapedefaults/></xml><![endif]--><p class=MsoNormal>Your answers sounded rehearsed.<o:p></o:p></p><p>Write to <a href="mailto:hr@example.com">hr@example.com</a>.</p></body></html>';
    expect(cleanText(outlook, 20_000).text).toBe('Your answers sounded rehearsed.\n\nWrite to hr@example.com.');
  });

  it('leaves other tags, and text that is no HTML email, as written', () => {
    expect(emailBodyText('<script>alert(1)</script> You did poorly')).toBe('<script>alert(1)</script> You did poorly');
    expect(emailBodyText('<p>Late</p><img src=x onerror=alert(2)>')).toBe('\nLate\n<img src=x onerror=alert(2)>');
    expect(emailBodyText('R&D experience lacking; x<y and &copy')).toBe('R&D experience lacking; x<y and &copy');
    expect(emailBodyText('<p>&#0; &#xD800; &bogus; fine</p>')).toBe('\n&#0; &#xD800; &bogus; fine\n');
  });
});
