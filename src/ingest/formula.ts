// A feedback cell that holds a spreadsheet formula ("=HYPERLINK(…)", "=A1&B1", "=cmd|' /C calc'!A0")
// rather than its value: the feedback is not in the export (it was saved with formulas shown, or
// the cell points at text elsewhere), and a theme read from the formula's characters would be
// invented. Such a row is rejected, with a reason that says how to export the values.

/** Text in double or single quotes inside a formula: "Click", 'Sheet 1'. */
const QUOTED = /"(?:[^"]|"")*"|'[^']*'/g;
/** Two words of prose side by side, which a formula outside its quotes never has. */
const PROSE = /\p{L}{2,}[ \t]+\p{L}{2,}/u;
/** What makes the rest a formula: a call, a cell or sheet reference, a DDE link, or arithmetic on numbers. */
const FORMULA_PART = /[A-Za-z_][\w.]*\s*\(|\$?\b[A-Za-z]{1,3}\$?\d+\b|[!|]|^\s*[-+(]?\d[\d.]*\s*[-+*/^&]/;

/** True when a cell is a formula, not words: "=HYPERLINK(...)", "=A1&B1", "=SUM(1,2)". "= good examples" is words. */
export function isSpreadsheetFormula(cell: string): boolean {
  const trimmed = cell.trim();
  if (!trimmed.startsWith('=') || trimmed.length < 2) return false;
  const body = trimmed.slice(1).replace(QUOTED, ' ');
  return !PROSE.test(body) && FORMULA_PART.test(body);
}

/** The formula with each quoted text as "…": what a reason may show of it without quoting anyone. */
export function formulaWithoutText(formula: string): string {
  return formula.replace(QUOTED, (quoted) => `${quoted[0]}…${quoted[0]}`);
}
