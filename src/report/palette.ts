// Colours for the charts: Okabe–Ito hues that keep at least 3:1 contrast against the white page,
// so marks stay visible to colour-blind readers and in greyscale print. Colour never carries
// meaning alone: series also differ by marker shape and direct labels, actionable themes by a
// solid fill versus a hatched one and by their label. Heatmaps use single-hue sequential blues
// (d3.interpolateBlues) with the value printed in every cell.

export const PAGE_BACKGROUND = '#ffffff';

export const PALETTE = {
  /** Series colours for lines and dots, in order of use. */
  series: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000'],
  actionable: '#0072B2',
  notActionable: '#6B6B6B',
  suppressed: '#8F8F8F',
  text: '#1F2328',
  muted: '#57606A',
} as const;

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
