// The description `taxonomy suggest` writes for a theme until the adviser writes its own. It is an
// instruction to the adviser, so the report (also rendered in the browser: this module imports
// nothing) recognises it and never shows it as what the theme means.

/** A suggested theme's description until the adviser writes one: an instruction to them, not a definition. */
export function suggestedDescription(items: number, candidates: number): string {
  return `Suggested from ${items} feedback items (${candidates} candidates) that no theme explained. Say what this theme covers and what it does not, or delete the theme.`;
}

const SUGGESTED_DESCRIPTION =
  /^Suggested from \d+ feedback items \(\d+ candidates\) that no theme explained\. Say what this theme covers and what it does not, or delete the theme\.$/;

/** Whether a theme's description is still the one `taxonomy suggest` wrote (never shown as the theme's definition). */
export function isSuggestedDescription(description: string): boolean {
  return SUGGESTED_DESCRIPTION.test(description.replace(/\s+/g, ' ').trim());
}
