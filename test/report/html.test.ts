import { describe, expect, it } from 'vitest';
import { breakable, escapeHtml, html, Html, jsonForScript, unsafe } from '../../src/report/html.js';

describe('html tagged template', () => {
  it('escapes every interpolated string', () => {
    const text = `</script><script>alert(1)</script> & "quoted" 'single' \`tick\``;
    const out = html`<p title="${text}">${text}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39; &#96;tick&#96;">' +
        '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39; &#96;tick&#96;</p>',
    );
    expect(out).not.toContain('<script>');
  });

  it('keeps nested fragments and raw markup from unsafe() as they are', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<div>${inner}${unsafe('<hr>')}</div>`.value).toBe('<div><b>&lt;i&gt;</b><hr></div>');
  });

  it('joins arrays and drops null, undefined and false', () => {
    const items = ['<a>', 'b'].map((value) => html`<li>${value}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(html`${0} ${true}`.value).toBe('0 true');
  });

  it('does not treat objects that merely look like fragments as raw', () => {
    const fake = { value: '<script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('[object Object]');
    expect(html`${new Html('<ok>')}`.value).toBe('<ok>');
  });

  it('escapes comment openers and line separators pass through as text', () => {
    expect(escapeHtml('<!--<script>')).toBe('&lt;!--&lt;script&gt;');
    expect(escapeHtml('a\u2028b')).toBe('a\u2028b');
  });
});

describe('jsonForScript', () => {
  it('escapes characters that could end the script element or break parsing, and round-trips', () => {
    const value = { text: '</script><!--<script>\u2028\u2029 & done', n: 1 };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(out).toContain('\\u2028');
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('breakable', () => {
  it('escapes the text and offers a break every 24 characters of an unbroken run only', () => {
    expect(breakable('Analyst <b>').value).toBe('Analyst &lt;b&gt;');
    const url = `https://example.org/${'x'.repeat(40)}`;
    expect(breakable(`see ${url}`).value).toBe(`see ${url.slice(0, 24)}<wbr>${url.slice(24, 48)}<wbr>${url.slice(48)}`);
    expect(breakable(`<${'&'.repeat(30)}>`).value).toBe(`&lt;${'&amp;'.repeat(23)}<wbr>${'&amp;'.repeat(7)}&gt;`);
  });
});
