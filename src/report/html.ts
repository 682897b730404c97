// HTML built with an escaping tagged template: every interpolated value is escaped unless it is
// an `Html` fragment (from `html` itself or an explicit `unsafe()`), so feedback text can only
// ever reach the page as text.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => ESCAPES[char]);
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Raw markup, for trusted strings only (inlined assets, computed CSP). Never feedback text. */
export function unsafe(markup: string): Html {
  return new Html(markup);
}

/** A run of this many characters without a space gets a place to break. */
const UNBROKEN = 24;

/**
 * Text (escaped) that may break inside a long unbroken run (a pasted URL, a spreadsheet's
 * garbage) every UNBROKEN characters, and nowhere else: a table column then wraps a 300-character
 * URL without widening the page, yet never splits an ordinary word ("Analy|st").
 */
export function breakable(value: string): Html {
  const runs = new RegExp(`\\S{${UNBROKEN},}`, 'gu');
  let out = '';
  let last = 0;
  for (const match of value.matchAll(runs)) {
    out += escapeHtml(value.slice(last, match.index));
    const chars = [...match[0]];
    for (let i = 0; i < chars.length; i += UNBROKEN) out += (i > 0 ? '<wbr>' : '') + escapeHtml(chars.slice(i, i + UNBROKEN).join(''));
    last = match.index + match[0].length;
  }
  return new Html(out + escapeHtml(value.slice(last)));
}

/** JSON safe inside `<script type="application/json">`: no `<`, `>`, `&` or line separators that
 * could end the element or break a parser. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
