/**
 * 适老化: the phone's text size (WeChat's 字体大小, `fontSizeSetting` in px) as the scale every page applies to its
 * type. 17 px is WeChat's 标准; larger settings scale up to 1.5×, which every page must survive without clipping,
 * overlapping or scrolling sideways (the e2e layout test checks the largest).
 */
export const STANDARD_FONT_PX = 17;
export const MAX_TEXT_SCALE = 1.5;

/** The preview's text-size switch: 标准 / 大 / 特大, as the fontSizeSetting WeChat would report. */
export const PREVIEW_TEXT_SIZES = [
  { key: 'standard', label: '标准', fontSizeSetting: 17 },
  { key: 'large', label: '大', fontSizeSetting: 21 },
  { key: 'largest', label: '特大', fontSizeSetting: 26 },
] as const;

/** 17 → 1, 21 → 1.24, 26 and above → 1.5; unknown or smaller settings keep the standard size. */
export function textScale(fontSizeSetting: unknown): number {
  if (typeof fontSizeSetting !== 'number' || !Number.isFinite(fontSizeSetting)) return 1;
  const scale = Math.min(MAX_TEXT_SCALE, Math.max(1, fontSizeSetting / STANDARD_FONT_PX));
  return Math.round(scale * 100) / 100;
}

/**
 * TDesign's type scale (common/style/theme/_font.wxss, 1.16.0): name, font size and line height in rpx, bold
 * (600). Aliases name a size of the scale. Kept here, not as a wxss rule, so the main package carries ~1 KB of
 * JS instead of 7 KB of declarations, and pages at the standard size carry no style at all.
 */
const TYPE_SCALE =
  'link-small 24 40,link-medium 28 44,link-large 32 48,mark-extraSmall 20 32 b,mark-small 24 40 b,mark-medium 28 44 b,mark-large 32 48 b,body-extraSmall 20 32,body-small 24 40,body-medium 28 44,body-large 32 48,title-small 28 44 b,title-medium 32 48 b,title-large 36 52 b,title-extraLarge 40 56 b,headline-small 48 64 b,headline-medium 56 72 b,headline-large 72 88 b,display-medium 96 112 b,display-large 128 144 b';
const ALIASES =
  'xs body-extraSmall,s body-small,base title-small,m title-medium,l title-large,xl title-extraLarge,xxl headline-large';
/** Heights and sizes of TDesign components that hold text (a button must grow with its label). */
const COMPONENT_SIZES =
  'button-large-height 96,button-medium-height 80,button-small-height 64,button-extra-small-height 56,switch-height 56,switch-large-height 64,switch-small-height 48,switch-label-font-size 28,cell-group-title-font-size 28,checkbox-title-line-height 48,radio-label-line-height 48,cell-note-font-size 32';

/**
 * The root view's style at `scale` (behaviors/text-size.ts): `--s` (the scale; a short name, since the main
 * package's wxss repeats it ~100 times) for our wxss, which writes sizes as `calc(Nrpx * var(--s, 1))`, and TDesign's tokens scaled. They are re-declared on the root because a custom
 * property's `var()` references resolve where it is declared (`page`), so overriding only the leaves would not
 * reach the composites. '' at the standard size.
 */
export function textStyle(scale: number): string {
  if (scale === 1) return '';
  const rpx = (v: string) => `${Math.round(Number(v) * scale)}rpx`;
  const sizes = new Map<string, string>();
  const decls = [`--s:${scale}`, `font-size:${rpx('32')}`];
  for (const row of TYPE_SCALE.split(',')) {
    const [name, size, line, bold] = row.split(' ');
    sizes.set(name, rpx(size));
    decls.push(
      `--td-font-size-${name}:${rpx(size)}`,
      `--td-line-height-${name}:${rpx(line)}`,
      `--td-font-${name}:${bold ? '600 ' : ''}${rpx(size)}/${rpx(line)} var(--td-font-family)`,
    );
  }
  for (const row of ALIASES.split(',')) {
    const [alias, name] = row.split(' ');
    decls.push(`--td-font-size-${alias}:${sizes.get(name)}`);
  }
  for (const row of COMPONENT_SIZES.split(',')) {
    const [token, value] = row.split(' ');
    decls.push(`--td-${token}:${rpx(value)}`);
  }
  return decls.join(';');
}
