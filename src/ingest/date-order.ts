// Which way a file's dates that read either way (03/04/2026) are read: --date-order (day first by
// default), unless this file's own dates prove the other order.
import { DATE_ORDER_IN_WORDS, dateOrderProofs, provenDateOrder, type DateOrder } from './dates.js';
import { personalDetailOf } from './personal-details.js';

/** The order for the date column `dateColumn` (a header), with the notes that say why. */
export function fileDateOrder(
  sampleRows: string[][],
  headers: string[],
  dateColumn: string | undefined,
  given: DateOrder | undefined,
): { order: DateOrder; notes: string[] } {
  const asked = given ?? 'dmy';
  const column = dateColumn === undefined ? -1 : headers.indexOf(dateColumn);
  if (column < 0) return { order: asked, notes: [] };
  const proofs = dateOrderProofs(sampleRows.map((row) => row[column] ?? ''));
  if (proofs.dmy && proofs.mdy) {
    return {
      order: asked,
      notes: [
        `dates in column "${dateColumn}" are written both day first (e.g. ${JSON.stringify(proofs.dmy)}) and month first (e.g. ${JSON.stringify(proofs.mdy)}), as in exports pasted together: dates that read either way (03/04/2026) were read ${DATE_ORDER_IN_WORDS[asked]}, so check them or give each export its own file`,
      ],
    };
  }
  const proven = provenDateOrder(proofs);
  if (!proven) return given ? { order: asked, notes: [] } : orderOfOtherDates(sampleRows, headers, column, asked, proofs.either);
  if (proven.order === asked) return { order: asked, notes: [] };
  const how = DATE_ORDER_IN_WORDS[proven.order];
  const said = given ? `--date-order ${asked}` : 'the default (day first)';
  return {
    order: proven.order,
    notes: [
      `dates in column "${dateColumn}" are ${how} (e.g. ${JSON.stringify(proven.example)}), which contradicts ${said}; this file was read ${how}`,
    ],
  };
}

/**
 * Dates that read either way (03/05/2026) take the order the file's other columns of dates prove, if they
 * prove one: one export, one locale (a date of birth is personal, never read nor quoted).
 */
function orderOfOtherDates(
  sampleRows: string[][],
  headers: string[],
  dateColumn: number,
  asked: DateOrder,
  either?: string | null,
): { order: DateOrder; notes: string[] } {
  const proven = headers.map((header, c) =>
    c === dateColumn || personalDetailOf(header) !== null ? null : provenDateOrder(dateOrderProofs(sampleRows.map((row) => row[c] ?? ''))),
  );
  const orders = new Set(proven.map((proof) => proof?.order).filter((order) => order !== undefined));
  const at = proven.findIndex((proof) => proof !== null);
  const notes =
    orders.size === 0 && either
      ? [
          `dates in column "${headers[dateColumn]}" read either way (e.g. ${JSON.stringify(either)}) and no date in the file says which: read ${DATE_ORDER_IN_WORDS[asked]}; if the export writes the month first, as US survey tools do, give --date-order mdy`,
        ]
      : [];
  if (orders.size !== 1 || proven[at]!.order === asked) return { order: asked, notes };
  const { order, example } = proven[at]!;
  return {
    order,
    notes: [
      `dates in column "${headers[dateColumn]}" read either way, and column "${headers[at]}" of the same file has ${JSON.stringify(example)}, ${DATE_ORDER_IN_WORDS[order]}: the file was read ${DATE_ORDER_IN_WORDS[order]}`,
    ],
  };
}
