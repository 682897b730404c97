// Number formatting shared by the page rendered in Node and the chart script in the browser, so a
// share reads the same in a table, a chart label and a takeaway.

export { formatCount } from '../analyse/util.js';

/** 0.123 → "12%"; shares under 10% keep one decimal ("4.5%") so small themes are not all "0%". */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.1) return `${(share * 100).toFixed(1)}%`;
  return `${Math.round(share * 100)}%`;
}
