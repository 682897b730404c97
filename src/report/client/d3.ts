// D3 is inlined into the page as its UMD bundle (a global), not bundled into this script.
import type * as D3 from 'd3';

export const d3 = (globalThis as unknown as { d3: typeof D3 }).d3;
