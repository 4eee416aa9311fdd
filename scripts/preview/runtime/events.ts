/**
 * Desktop input for a touch UI. j-component turns touches into `tap`, but a
 * mouse only clicks, so a click inside the phone becomes an exparser `tap` on
 * the node under the pointer (bubbling and composed, as WeChat's is).
 */
import { exparser, wxElementOf } from './vendor';

/** A touch screen fires both; j-component already made the tap from the touch. */
const TOUCH_CLICK_WINDOW_MS = 600;

export function installTapShim(viewport: HTMLElement): void {
  let lastTouch = 0;
  viewport.addEventListener('touchend', () => (lastTouch = Date.now()), { capture: true, passive: true });
  viewport.addEventListener(
    'click',
    (e) => {
      if (Date.now() - lastTouch < TOUCH_CLICK_WINDOW_MS) return;
      const node = wxElementOf(e.target);
      if (!node) return;
      const point = { x: e.pageX, y: e.pageY };
      const touch = { identifier: 0, pageX: e.pageX, pageY: e.pageY, clientX: e.clientX, clientY: e.clientY };
      exparser.Event.dispatchEvent(
        node,
        exparser.Event.create('tap', point, {
          originalEvent: e,
          bubbles: true,
          composed: true,
          capturePhase: true,
          extraFields: { touches: [], changedTouches: [touch] },
        }),
      );
    },
    true,
  );
}

/**
 * exparser catches errors thrown by component code and only logs them; surface them as uncaught errors so
 * the e2e tests (and the browser console) see a broken page as broken.
 */
export function surfaceComponentErrors(): void {
  exparser.addGlobalErrorListener((error) => {
    window.reportError(error instanceof Error ? error : new Error(String(error)));
    return false;
  });
}
