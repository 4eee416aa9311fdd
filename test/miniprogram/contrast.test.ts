/**
 * 适老化: every text colour our styles set meets WCAG AA (4.5:1) on the backgrounds text sits on — white cards,
 * the page grey and the light tints of banners — and so do the TDesign colours app.wxss overrides.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MP = join(__dirname, '../../miniprogram');
const AA = 4.5;
const BACKGROUNDS = ['#ffffff', '#f3f3f3', '#ecf2fe', '#fff1e9', '#e3f9e9', '#fff0ed'];

function wxssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'miniprogram_npm') return [];
    if (statSync(path).isDirectory()) return wxssFiles(path);
    return name.endsWith('.wxss') ? [path] : [];
  });
}

type Rgb = [number, number, number];

/** `#abc`, `#aabbcc` or `rgba(r, g, b, a)` (over white), or null for what is not a colour literal. */
function parse(value: string, over: Rgb = [255, 255, 255]): Rgb | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(value);
  if (!rgba) return null;
  const a = rgba[4] === undefined ? 1 : Number(rgba[4]);
  return [1, 2, 3].map((i, k) => Math.round(a * Number(rgba[i]) + (1 - a) * over[k])) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const ch = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The literal colour of a declaration value, through a var() fallback. */
const literal = (value: string): string => /var\([^,]+,\s*(.+)\)$/.exec(value.trim())?.[1] ?? value.trim();

const textColours = wxssFiles(MP).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?<![-\w])color:\s*([^;]+);/g)].map(
    (m) => [file.slice(MP.length + 1), literal(m[1])] as const,
  ),
);

describe('text contrast (WCAG AA)', () => {
  it('finds the colours it checks', () => {
    expect(textColours.length).toBeGreaterThan(50);
  });

  it.each(textColours.filter(([, c]) => c !== '#fff' && c !== 'inherit'))('%s: %s', (_file, colour) => {
    const fg = parse(colour);
    expect(fg).not.toBeNull();
    for (const bg of BACKGROUNDS) expect(contrast(fg!, parse(bg)!)).toBeGreaterThanOrEqual(AA);
  });

  it('white text sits only on the brand blues, at AA', () => {
    for (const bg of ['#0052d9', '#1e5bd6']) expect(contrast([255, 255, 255], parse(bg)!)).toBeGreaterThanOrEqual(AA);
  });

  it('the TDesign colours app.wxss overrides are AA as text', () => {
    const app = readFileSync(join(MP, 'app.wxss'), 'utf8');
    for (const token of ['text-color-placeholder', 'error-color', 'warning-color', 'success-color']) {
      const value = new RegExp(`--td-${token}:\\s*([^;]+);`).exec(app)?.[1];
      expect(value).toBeDefined();
      for (const bg of BACKGROUNDS) expect(contrast(parse(value!)!, parse(bg)!)).toBeGreaterThanOrEqual(AA);
    }
  });
});
