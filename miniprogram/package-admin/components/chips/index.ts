/**
 * A row of tappable chips for filters and choices (the preview and a phone's
 * thumb both do better with taps than with scrolling pickers). Emits `change`
 * with `{ value }`; the page owns the chosen value.
 */
Component({
  properties: {
    /** `{ value, label }[]`; the value '' conventionally means "all". */
    options: { type: Array, value: [] },
    value: { type: String, value: '' },
    label: { type: String, value: '' },
    disabled: { type: Boolean, value: false },
  },
  methods: {
    onTap(e: WechatMiniprogram.TouchEvent) {
      const { value } = e.currentTarget.dataset as { value?: string };
      if (this.properties.disabled || value === undefined || value === this.properties.value) return;
      this.triggerEvent('change', { value });
    },
  },
});
