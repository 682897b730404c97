// The few D3 functions the charts use, from D3's own modules: the bundler takes only these (and
// what they need) into the page's one script.
import { max } from 'd3-array';
import { axisBottom, axisLeft, axisTop } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear, scalePoint } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import { select } from 'd3-selection';
import { line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';

/** ColorBrewer's nine-class Blues (as d3-scale-chromatic's interpolateBlues), without the
 * hundred other schemes that module would bring along. */
const interpolateBlues = interpolateRgbBasis([
  '#f7fbff',
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
]);

export const d3 = {
  axisBottom,
  axisLeft,
  axisTop,
  format,
  interpolateBlues,
  line,
  max,
  scaleLinear,
  scalePoint,
  select,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
};
