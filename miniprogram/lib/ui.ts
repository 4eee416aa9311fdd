/** Feedback and navigation helpers shared by pages: callback-style wx calls, so no promise is ever left rejected. */
import Toast, { type ToastOptionsType } from 'tdesign-miniprogram/toast/index';
import { TAB_PAGES } from './tabs';

type ToastContext = NonNullable<ToastOptionsType['context']>;

/** TDesign toast through the page's `<t-toast id="t-toast" />`. */
export function toast(context: object, message: string, theme: 'success' | 'error' | 'warning' = 'error'): void {
  // An error is read, not glanced at: it stays a little longer.
  Toast({
    context: context as ToastContext,
    selector: '#t-toast',
    message,
    theme,
    duration: theme === 'error' ? 3000 : 2000,
  });
}

/** Opens a page (a tab page by switching to its tab); if the page stack is full, replaces the current one instead. */
export function go(url: string): void {
  if (TAB_PAGES.includes(url.split('?')[0])) wx.switchTab({ url });
  else wx.navigateTo({ url, fail: () => wx.redirectTo({ url }) });
}

/** A native confirmation; resolves true only when the user confirms. */
export function confirmModal(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/**
 * A refusal the person must act on, shown whole in a native dialog with one button (a toast cuts it off with
 * "…", issue 9 §5).
 */
export function alertModal(title: string, content: string, confirmText = '知道了'): Promise<void> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      showCancel: false,
      success: () => resolve(),
      fail: () => resolve(),
    });
  });
}

/**
 * Shows `url` after finishing the current page: back to it when it is the page below (e.g. 我的推荐 that opened the
 * form, which reloads on show), otherwise in place of the current one, so Back never meets the same page twice.
 */
export function backTo(url: string): void {
  const pages = getCurrentPages();
  const below = pages.length >= 2 ? pages[pages.length - 2] : undefined;
  if (below && `/${below.route}` === url.split('?')[0]) wx.navigateBack({ delta: 1 });
  else wx.redirectTo({ url });
}
