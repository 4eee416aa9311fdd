/**
 * What a `<chart>`'s canvas holds in the browser preview, read back from its pixels: its buffer size and how many
 * pixels are ink (not white or transparent) or the first series' colour (TDesign blue #0052D9). Waits until the
 * component has sized the buffer (CSS width × the phone's pixel ratio), which it does just before it draws.
 */
import type { Locator } from 'playwright-core';

export interface Pixels {
  width: number;
  cssWidth: number;
  ink: number;
  blue: number;
}

export async function canvasPixels(canvas: Locator, pixelRatio = 2): Promise<Pixels> {
  await canvas.waitFor();
  await canvas.evaluate(
    (el, ratio) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          const c = el as HTMLCanvasElement;
          if (c.width > 0 && c.width === Math.round(c.getBoundingClientRect().width * ratio)) resolve();
          else if (Date.now() - started > 10_000) reject(new Error(`canvas never sized: ${c.width}`));
          else setTimeout(check, 50);
        };
        check();
      }),
    pixelRatio,
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
