// A cell of theme ids as an adviser types it, often in a spreadsheet: "delivery|examples",
// "Delivery; LOGISTICS ". Ids separated by "|", ";" or ",", matched in any case and with spaces
// around them, and given back as the taxonomy spells them. What still names no theme is returned
// apart, for the caller to name with its file and line.

export interface ThemeList {
  /** The taxonomy's ids, each once, in the order typed. */
  themes: string[];
  /** The values that name no theme, as typed (trimmed). */
  unknown: string[];
}

/** A reader of theme-id cells for one taxonomy. */
export function themeListReader(themeIds: readonly string[]): (cell: string) => ThemeList {
  const idByKey = new Map(themeIds.map((id) => [id.toLowerCase(), id]));
  return (cell) => {
    const themes = new Set<string>();
    const unknown = new Set<string>();
    for (const typed of cell.split(/[|;,]/).map((value) => value.trim())) {
      if (typed === '') continue;
      const id = idByKey.get(typed.toLowerCase());
      if (id === undefined) unknown.add(typed);
      else themes.add(id);
    }
    return { themes: [...themes], unknown: [...unknown] };
  };
}

/** The message for a row's unknown theme ids, e.g. `items.csv:4: unknown theme id "Deliveryy"`. */
export function unknownThemeIds(where: string, unknown: readonly string[]): string {
  return `${where}: unknown theme id${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')}`;
}
