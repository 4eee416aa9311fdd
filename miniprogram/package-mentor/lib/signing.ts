/**
 * The hand-signature canvas of a page (`<canvas id="pad" type="2d">`, issue 11): the touch handlers draw on it and
 * keep `inked` in the page's data, so the page can enable its 签署 button once enough was drawn.
 */
import { padOf } from './agreement';
import { touchOf } from './signature-pad';

export const signing = Behavior({
  data: { inked: false },
  methods: {
    async onTouchStart(e: WechatMiniprogram.TouchCanvas) {
      const p = touchOf(e as never);
      const hit = await padOf(this);
      if (p && hit) hit.pad.start(p);
    },
    async onTouchMove(e: WechatMiniprogram.TouchCanvas) {
      const p = touchOf(e as never);
      const hit = await padOf(this);
      if (!p || !hit) return;
      hit.pad.move(p);
      if (hit.pad.inked() !== this.data.inked) this.setData({ inked: hit.pad.inked() });
    },
    async onTouchEnd() {
      (await padOf(this))?.pad.end();
    },
    async onClear() {
      (await padOf(this))?.pad.clear();
      this.setData({ inked: false });
    },
  },
});
