/**
 * What a `<chart>` (or any canvas) drew in the browser preview: waits until the component has sized the buffer
 * (CSS width × the phone's pixel ratio, done just before it draws), then counts the pixels that are ink (not
 * white or transparent) and those of the first series colour (#0052D9, TDesign blue).
 */
import type { Locator } from 'playwright-core';

export interface Pixels {
  width: number;
  cssWidth: number;
  ink: number;
  blue: number;
}

export async function drawnPixels(canvas: Locator, ratio = 2): Promise<Pixels> {
  await canvas.waitFor();
  await canvas.evaluate(
    (el, r) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          const c = el as HTMLCanvasElement;
          if (c.width === Math.round(c.getBoundingClientRect().width * r)) resolve();
          else if (Date.now() - started > 10_000) reject(new Error(`canvas never sized: ${c.width}`));
          else setTimeout(check, 50);
        };
        check();
      }),
    ratio,
  );
  return canvas.evaluate((el): Pixels => {
    const c = el as HTMLCanvasElement;
    const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && (r < 240 || g < 240 || b < 240)) ink += 1;
      if (Math.abs(r - 0x00) < 24 && Math.abs(g - 0x52) < 24 && Math.abs(b - 0xd9) < 24) blue += 1;
    }
    return { width: c.width, cssWidth: c.getBoundingClientRect().width, ink, blue };
  });
}
