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

/** The root view's style: app.wxss `.hq-text` scales every type token (ours and TDesign's) by `--hq-scale`. */
export const textStyle = (scale: number): string => `--hq-scale: ${scale};`;
