/**
 * Every page mixes this in (a test checks): it reads the phone's text size once when the page opens and hands the
 * scale to the page's root view (`<view class="page hq-text" style="{{textStyle}}">`) as `--s` and TDesign's
 * type tokens scaled (lib/text-size.ts), so every text grows with it (适老化).
 */
import { textScale, textStyle } from '../lib/text-size';

/** WeChat's 字体大小 in px; getAppBaseInfo where the base library has it, the older system info otherwise. */
function fontSizeSetting(): unknown {
  try {
    const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
    return (info as { fontSizeSetting?: unknown }).fontSizeSetting;
  } catch {
    return undefined;
  }
}

export const textSize = Behavior({
  data: { textScale: 1, textStyle: '' },
  lifetimes: {
    attached() {
      const scale = textScale(fontSizeSetting());
      if (scale !== 1) this.setData({ textScale: scale, textStyle: textStyle(scale) });
    },
  },
});
