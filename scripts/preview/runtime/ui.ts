/**
 * The phone's native UI (toast, loading, modal, action sheet) as real DOM over
 * the page, styled after WeChat's, so pages that call `wx.showModal` can be
 * used and tested like on a device.
 */
import { WxFailure } from './callbacks';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICON_PATHS: Record<string, string> = {
  success: 'M9 20.5 16 27.5 31 12.5',
  error: 'M12 12 28 28M28 12 12 28',
};

function layer(): HTMLElement {
  const el = document.getElementById('pv-ui');
  if (!el) throw new Error('preview shell is missing #pv-ui');
  return el;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function iconSvg(name: string): Element {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 40 40');
  svg.setAttribute('class', 'pv-toast-icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATHS[name] ?? ICON_PATHS.success);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', '#fff');
  path.setAttribute('stroke-width', '3');
  path.setAttribute('stroke-linecap', 'round');
  svg.appendChild(path);
  return svg;
}

// ---------------------------------------------------------------- toast / loading

let toastEl: HTMLElement | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function clearToast(): void {
  clearTimeout(toastTimer);
  toastEl?.remove();
  toastEl = null;
}

export interface ToastOptions {
  title?: string;
  icon?: 'success' | 'error' | 'loading' | 'none';
  duration?: number;
  mask?: boolean;
}

/** WeChat shows one toast at a time; a loading toast is the same slot with no timeout. */
function showToastBox(options: ToastOptions, persistent: boolean): void {
  clearToast();
  const icon = options.icon ?? 'success';
  const wrap = h('div', options.mask ? 'pv-mask' : '');
  const box = h('div', `pv-toast ${icon === 'none' ? 'pv-text-only' : 'pv-with-icon'}`);
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  if (icon === 'loading') box.appendChild(h('div', 'pv-spinner'));
  else if (icon !== 'none') box.appendChild(iconSvg(icon));
  box.appendChild(h('div', 'pv-toast-text', options.title ?? ''));
  wrap.appendChild(box);
  layer().appendChild(wrap);
  toastEl = wrap;
  if (!persistent) toastTimer = setTimeout(clearToast, options.duration ?? 1500);
}

export async function showToast(options: ToastOptions): Promise<object> {
  showToastBox(options, false);
  return {};
}

export async function showLoading(options: { title?: string; mask?: boolean }): Promise<object> {
  showToastBox({ title: options.title, icon: 'loading', mask: options.mask }, true);
  return {};
}

export async function hideToast(): Promise<object> {
  clearToast();
  return {};
}

// ---------------------------------------------------------------- modal

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  cancelColor?: string;
  confirmText?: string;
  confirmColor?: string;
  editable?: boolean;
  placeholderText?: string;
}

export interface ModalResult {
  confirm: boolean;
  cancel: boolean;
  content?: string;
}

function modalButton(text: string, color: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', '', text);
  b.type = 'button';
  b.style.color = color;
  b.addEventListener('click', onClick);
  return b;
}

/** Title plus either the message or, when `editable`, a text box prefilled with it. */
function modalBody(options: ModalOptions): { body: HTMLElement; input: HTMLTextAreaElement | null } {
  const body = h('div', 'pv-modal-body');
  body.append(h('div', 'pv-modal-title', options.title ?? ''));
  if (!options.editable) {
    if (options.content) body.append(h('div', 'pv-modal-content', options.content));
    return { body, input: null };
  }
  const input = h('textarea', 'pv-modal-input');
  input.value = options.content ?? '';
  input.placeholder = options.placeholderText ?? '';
  body.append(input);
  return { body, input };
}

export function showModal(options: ModalOptions): Promise<ModalResult> {
  return new Promise((resolve) => {
    const mask = h('div', 'pv-mask pv-dim');
    const dialog = h('div', 'pv-modal');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    const { body, input } = modalBody(options);
    const close = (confirm: boolean): void => {
      mask.remove();
      resolve(input ? { confirm, cancel: !confirm, content: input.value } : { confirm, cancel: !confirm });
    };
    const actions = h('div', 'pv-modal-actions');
    if (options.showCancel !== false) {
      actions.append(modalButton(options.cancelText ?? '取消', options.cancelColor ?? '#000000', () => close(false)));
    }
    actions.append(modalButton(options.confirmText ?? '确定', options.confirmColor ?? '#576B95', () => close(true)));
    dialog.append(body, actions);
    mask.append(dialog);
    layer().appendChild(mask);
    input?.focus();
  });
}

// ---------------------------------------------------------------- action sheet

export function showActionSheet(options: { itemList: string[]; itemColor?: string }): Promise<{ tapIndex: number }> {
  return new Promise((resolve, reject) => {
    const mask = h('div', 'pv-mask pv-dim');
    const sheet = h('div', 'pv-modal');
    sheet.setAttribute('role', 'dialog');
    sheet.style.cssText = 'top:auto;bottom:0;transform:translateX(-50%);width:100%;border-radius:12px 12px 0 0';
    const list = h('div', 'pv-modal-actions');
    list.style.flexDirection = 'column';
    const done = (index: number): void => {
      mask.remove();
      if (index < 0) reject(new WxFailure('showActionSheet:fail cancel'));
      else resolve({ tapIndex: index });
    };
    options.itemList.forEach((item, i) =>
      list.append(modalButton(item, options.itemColor ?? '#000000', () => done(i))),
    );
    list.append(modalButton('取消', '#000000', () => done(-1)));
    sheet.append(list);
    mask.append(sheet);
    mask.addEventListener('click', (e) => e.target === mask && done(-1));
    layer().appendChild(mask);
  });
}
