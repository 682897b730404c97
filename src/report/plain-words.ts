// Takeaways in an adviser's words. The analysis states its statistics exactly ("p < 0.001",
// "each period needs at least 30 items and 5 expected …"); the page says "beyond chance" or
// "too few" and keeps the exact figure in a tooltip (printed after the words on paper).

import { html, type Html } from './html.js';

interface Piece {
  text: string;
  /** The exact statement behind `text`, when it stands for one. */
  exact?: string;
}

const P_VALUE = /(; |\()p ([<=]) (\d(?:\.\d+)?)(\)?)/;
const CONDITION = /; (each (?:period|run) needs at least [^)]*)\)/;
const TOO_FEW = /^Too few\b/;

function pieces(text: string): Piece[] {
  const condition = CONDITION.exec(text);
  if (condition) {
    const rest = `${text.slice(0, condition.index)})${text.slice(condition.index + condition[0].length)}`;
    const exact = `${condition[1][0].toUpperCase()}${condition[1].slice(1)} before a change is tested.`;
    if (TOO_FEW.test(rest)) return [{ text: 'Too few', exact }, ...pieces(rest.slice('Too few'.length))];
    return [...pieces(rest), { text: ' (too few to test)', exact }];
  }
  const p = P_VALUE.exec(text);
  if (p) {
    const [whole, before, relation, value, close] = p;
    const exact = `p ${relation} ${value} (two-proportion z-test): a difference this large would arise by chance ${relation === '<' ? 'less than' : 'about'} ${chance(Number(value))}.`;
    const opening = before === '(' ? '(' : ', ';
    return [
      { text: text.slice(0, p.index) + opening },
      { text: 'beyond chance', exact },
      ...pieces((close && before === '(' ? ')' : '') + text.slice(p.index + whole.length)),
    ];
  }
  return text === '' ? [] : [{ text }];
}

/** "1 time in 1,000" for 0.001. */
function chance(pValue: number): string {
  if (pValue <= 0) return 'almost never';
  const times = Math.round(1 / pValue);
  return `1 time in ${times.toLocaleString('en-GB')}`;
}

export function plainStatistics(text: string): Html {
  return html`${pieces(text).map((piece) => (piece.exact ? html`<abbr class="exact" title="${piece.exact}">${piece.text}</abbr>` : piece.text))}`;
}

/** The same words without markup, for labels (an aria-label cannot hold a tooltip). */
export function plainStatisticsText(text: string): string {
  return pieces(text)
    .map((piece) => piece.text)
    .join('');
}

/**
 * A theme's definition as an adviser reads it: the taxonomy points at its other themes by id
 * ("doubts about team fit (culture_fit)"), the report by the name on their cards ("(see Culture and
 * team fit)").
 */
export function plainDefinition(description: string, labels: ReadonlyMap<string, string>): string {
  return description.replace(/\(([a-z][a-z0-9_]*)\)/g, (whole, id: string) => {
    const label = labels.get(id);
    return label === undefined ? whole : `(see ${label})`;
  });
}
