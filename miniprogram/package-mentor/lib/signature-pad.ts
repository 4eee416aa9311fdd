/**
 * A hand signature on a mini-program `<canvas type="2d">` (issue 11). `signature_pad` listens to DOM pointer
 * events on an HTMLCanvasElement, which the mini-program canvas node does not have (its touches arrive as the
 * page's `bind:touchstart/touchmove/touchend` with canvas-relative `x`/`y`), so this small helper draws the strokes
 * itself: round caps and joins, a black 3 px line on white, scaled to the device's pixel ratio; `inked` says
 * whether enough was drawn to count as a signature, and `toPng` hands the picture to upload.
 */

/** The parts of the canvas node and its 2D context the pad uses (WeChat's and the browser's alike). */
export interface PadCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PadContext;
}
export interface PadContext {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  setTransform?(a: number, b: number, c: number, d: number, e: number, f: number): void;
}

export interface TouchPoint {
  x: number;
  y: number;
}

/** At least this much ink (CSS px of stroke length) before a drawing counts as a signature, not a stray tap. */
export const MIN_INK = 60;

export interface Pad {
  start(p: TouchPoint): void;
  move(p: TouchPoint): void;
  end(): void;
  clear(): void;
  /** Length drawn so far, in CSS px. */
  ink(): number;
  inked(): boolean;
}

export function createPad(canvas: PadCanvas, size: { width: number; height: number }, ratio: number): Pad {
  const ctx = canvas.getContext('2d');
  canvas.width = Math.round(size.width * ratio);
  canvas.height = Math.round(size.height * ratio);
  let last: TouchPoint | null = null;
  let length = 0;
  const paper = () => {
    ctx.setTransform?.(1, 0, 0, 1, 0, 0);
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  };
  paper();
  return {
    start(p) {
      last = p;
    },
    move(p) {
      if (!last) return;
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      length += Math.hypot(p.x - last.x, p.y - last.y);
      last = p;
    },
    end() {
      last = null;
    },
    clear() {
      last = null;
      length = 0;
      paper();
    },
    ink: () => length,
    inked: () => length >= MIN_INK,
  };
}

type RawTouch = { x?: number; y?: number; clientX?: number; clientY?: number };

/** The first touch of a canvas touch event, in canvas coordinates (`x`/`y` on a canvas; client coordinates else). */
export function touchOf(e: { touches?: ReadonlyArray<RawTouch> }): TouchPoint | null {
  const t = e.touches?.[0];
  const x = t?.x ?? t?.clientX;
  const y = t?.y ?? t?.clientY;
  return typeof x === 'number' && typeof y === 'number' ? { x, y } : null;
}
