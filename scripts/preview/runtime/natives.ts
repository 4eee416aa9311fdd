/**
 * WeChat's built-in components. Most are boxes around a slot (what
 * miniprogram-simulate registers); `input`, `textarea` and `image` need real
 * DOM elements so a person (or Playwright) can type and see pictures,
 * `canvas` a real <canvas> (the node `fields({ node: true })` answers, see the
 * selector-query patch in scripts/preview/build.ts; a pointer on it plays a finger), and `navigator` needs to
 * navigate.
 */
import { exparser, jComponent, type ComponentThis, type Definition } from './vendor';

// prettier-ignore
const SLOT_TAGS = [
  'cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area', 'movable-view',
  'page-container', 'root-portal', 'scroll-view', 'share-element', 'sticky-header', 'sticky-section', 'swiper',
  'swiper-item', 'view', 'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox', 'checkbox-group', 'editor',
  'form', 'keyboard-accessory', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio', 'radio-group',
  'slider', 'switch', 'functional-page-navigator', 'audio', 'camera', 'channel-live', 'channel-video',
  'live-player', 'live-pusher', 'video', 'voip-room', 'map', 'web-view', 'ad', 'ad-custom',
  'official-account', 'open-data', 'navigation-bar', 'page-meta',
];

type Field = HTMLInputElement | HTMLTextAreaElement;

/** The real element inside each native host, keyed by the host's DOM node. */
const fields = new WeakMap<HTMLElement, Field>();

const INPUT_MODES: Record<string, string> = { number: 'numeric', digit: 'decimal', idcard: 'text', text: 'text' };

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** WeChat's maxlength: 140 by default, -1 (or any value ≤ 0) for no limit. */
function applyMaxLength(el: Field, maxlength: unknown): void {
  const max = typeof maxlength === 'number' ? maxlength : 140;
  if (max > 0) el.maxLength = max;
  else el.removeAttribute('maxlength');
}

function syncField(self: ComponentThis): void {
  const el = fields.get(self.$$);
  if (!el) return;
  const d = self.data;
  // Only on a real change, so the caret does not jump while the page echoes what was typed.
  if (el.value !== text(d.value)) el.value = text(d.value);
  el.placeholder = text(d.placeholder);
  el.disabled = d.disabled === true;
  applyMaxLength(el, d.maxlength);
  if (el instanceof HTMLInputElement) {
    el.type = d.password === true ? 'password' : 'text';
    el.inputMode = INPUT_MODES[String(d.type)] ?? 'text';
  }
}

function detail(el: Field): { value: string; cursor: number; keyCode: number } {
  return { value: el.value, cursor: el.selectionStart ?? el.value.length, keyCode: 0 };
}

function growTextarea(el: Field, auto: boolean): void {
  if (!auto) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight}px`;
}

function mountField(self: ComponentThis, tag: 'input' | 'textarea'): void {
  const el = document.createElement(tag);
  fields.set(self.$$, el);
  syncField(self);
  el.addEventListener('input', () => {
    growTextarea(el, self.data.autoHeight === true);
    self.triggerEvent('input', detail(el));
  });
  el.addEventListener('focus', () => self.triggerEvent('focus', { value: el.value, height: 0 }));
  el.addEventListener('blur', () => self.triggerEvent('blur', detail(el)));
  el.addEventListener('keydown', (e) => {
    if (e instanceof KeyboardEvent && e.key === 'Enter' && (tag === 'input' || self.data.confirmType === 'send'))
      self.triggerEvent('confirm', { value: el.value });
  });
  self.$$.appendChild(el);
  if (self.data.focus === true || self.data.autoFocus === true) el.focus();
}

function fieldDefinition(tag: 'input' | 'textarea'): Definition {
  return {
    id: tag,
    tagName: `wx-${tag}`,
    template: '<slot/>',
    properties: {
      value: { type: null, value: '' },
      placeholder: { type: String, value: '' },
      placeholderStyle: { type: String, value: '' },
      placeholderClass: { type: String, value: '' },
      password: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      maxlength: { type: Number, value: 140 },
      type: { type: String, value: 'text' },
      focus: { type: Boolean, value: false },
      autoFocus: { type: Boolean, value: false },
      autoHeight: { type: Boolean, value: false },
      confirmType: { type: String, value: 'done' },
    },
    observers: {
      'value, placeholder, password, disabled, maxlength, type'(this: ComponentThis) {
        syncField(this);
      },
    },
    attached(this: ComponentThis) {
      mountField(this, tag);
    },
  };
}

const OBJECT_FIT: Record<string, string> = {
  scaleToFill: 'fill',
  aspectFit: 'contain',
  aspectFill: 'cover',
  center: 'none',
};

const imageDefinition: Definition = {
  id: 'image',
  tagName: 'wx-image',
  template: '<slot/>',
  properties: {
    src: { type: String, value: '' },
    mode: { type: String, value: 'scaleToFill' },
    lazyLoad: { type: Boolean, value: false },
  },
  observers: {
    'src, mode'(this: ComponentThis) {
      const img = this.$$.querySelector('img');
      if (!img) return;
      const mode = String(this.data.mode);
      if (img.getAttribute('src') !== this.data.src) img.src = String(this.data.src);
      img.style.objectFit = OBJECT_FIT[mode] ?? 'cover';
      // widthFix: the width is set by the page, the height follows the picture.
      if (mode === 'widthFix') this.$$.style.height = 'auto';
      img.style.height = mode === 'widthFix' ? 'auto' : '100%';
    },
  },
  attached(this: ComponentThis) {
    const img = document.createElement('img');
    img.alt = '';
    img.addEventListener('load', () =>
      this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }),
    );
    img.addEventListener('error', () => this.triggerEvent('error', { errMsg: 'GET image fail' }));
    this.$$.appendChild(img);
    if (this.data.src) img.src = String(this.data.src);
  },
};

/** `<navigator>`: a tap navigates; wx is read late because it is installed after the natives. */
const navigatorDefinition: Definition = {
  id: 'navigator',
  tagName: 'wx-navigator',
  template: '<slot/>',
  properties: {
    url: { type: String, value: '' },
    openType: { type: String, value: 'navigate' },
    delta: { type: Number, value: 1 },
  },
  attached(this: ComponentThis) {
    this.$$.addEventListener('click', () => {
      const nav = (window as unknown as { wx: Record<string, (o: object) => unknown> }).wx;
      const { url, openType, delta } = this.data;
      const api = {
        navigate: 'navigateTo',
        redirect: 'redirectTo',
        reLaunch: 'reLaunch',
        switchTab: 'switchTab',
        navigateBack: 'navigateBack',
      }[String(openType)];
      if (api) void nav[api]({ url, delta, fail: () => {} });
    });
  },
};

/** The `<canvas type="2d">` elements on screen by their id: a 2D canvas node is what the selector query answers. */
export const canvases = new Map<string, HTMLCanvasElement>();

/** A mouse or pen on the canvas plays a finger: WeChat's canvas touches carry canvas-relative `x`/`y`. */
function touchEventOf(self: ComponentThis, name: string, e: PointerEvent): void {
  const touch = { identifier: 0, x: e.offsetX, y: e.offsetY, clientX: e.clientX, clientY: e.clientY };
  exparser.Event.dispatchEvent(
    self._exparserNode,
    exparser.Event.create(
      name,
      {},
      {
        originalEvent: e,
        bubbles: false,
        composed: false,
        extraFields: { touches: name === 'touchend' ? [] : [touch], changedTouches: [touch] },
      },
    ),
  );
}

/**
 * `<canvas type="2d">`: a real canvas filling its host, whose drawing buffer the page sizes itself (width × pixel
 * ratio), as WeChat's Canvas node does; a pointer on it plays a finger (a hand signature), and it is known by its id.
 */
const canvasDefinition: Definition = {
  id: 'canvas',
  tagName: 'wx-canvas',
  template: '<slot/>',
  properties: { type: { type: String, value: '' }, disableScroll: { type: Boolean, value: false } },
  attached(this: ComponentThis) {
    const el = document.createElement('canvas');
    el.style.cssText = 'display:block;width:100%;height:100%;touch-action:none';
    this.$$.style.display = 'block';
    this.$$.appendChild(el);
    const id = (this._exparserNode as unknown as { id?: string }).id || this.$$.id;
    if (id) canvases.set(id, el);
    let down = false;
    el.addEventListener('pointerdown', (e) => {
      down = true;
      el.setPointerCapture?.(e.pointerId);
      touchEventOf(this, 'touchstart', e);
    });
    el.addEventListener('pointermove', (e) => {
      if (down) touchEventOf(this, 'touchmove', e);
    });
    const up = (e: PointerEvent) => {
      if (!down) return;
      down = false;
      touchEventOf(this, 'touchend', e);
    };
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  },
  detached(this: ComponentThis) {
    for (const [id, el] of canvases) if (el.parentNode === this.$$) canvases.delete(id);
  },
};

export function registerNatives(): void {
  for (const name of SLOT_TAGS) jComponent.register({ id: name, tagName: `wx-${name}`, template: '<slot/>' });
  jComponent.register(fieldDefinition('input'));
  jComponent.register(fieldDefinition('textarea'));
  jComponent.register(imageDefinition);
  jComponent.register(canvasDefinition);
  jComponent.register(navigatorDefinition);
}
