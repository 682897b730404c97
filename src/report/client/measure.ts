// Text measured with the page's own font, so labels are wrapped, never cut, and layouts reserve
// exactly the room their text needs.

let context: CanvasRenderingContext2D | null = null;
let family = 'sans-serif';

function canvas(): CanvasRenderingContext2D | null {
  if (context === null) {
    context = document.createElement('canvas').getContext('2d');
    family = getComputedStyle(document.body).fontFamily || family;
  }
  return context;
}

/** Width in CSS px of `text` at `size` px (weight 400 unless given). */
export function textWidth(text: string, size: number, weight = 400): number {
  const ctx = canvas();
  if (ctx === null) return text.length * size * 0.6;
  ctx.font = `${weight} ${size}px ${family}`;
  return ctx.measureText(text).width;
}

/** Splits `text` into lines no wider than `width`, at spaces; a single word wider than the line
 * is broken at a hyphen or slash when it has one, else kept whole (callers size for the longest word). */
export function wrapText(text: string, width: number, size: number, weight = 400): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, size, weight) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Width of the widest word: no wrap can make a label narrower than this. */
export function longestWord(text: string, size: number, weight = 400): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, size, weight)));
}
