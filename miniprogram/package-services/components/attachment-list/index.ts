/**
 * The photos and documents attached to a service request (issue 12), as its youth and its handlers see them:
 * photo thumbnails through short-lived links (a tap enlarges them), a PDF opened in WeChat's viewer on a tap.
 */
import { attachmentUrl, openPdf } from '../../lib/attachments';

interface Item {
  index: number;
  kind: 'image' | 'pdf';
  label: string;
  url: string;
}

Component({
  properties: {
    requestId: { type: String, value: '' },
    /** `RequestDetailView.attachments` */
    items: { type: Array, value: [] },
  },
  data: { rows: [] as Item[], error: '' },
  observers: {
    'requestId, items'(requestId: string, items: Array<{ index: number; kind: 'image' | 'pdf' }>) {
      if (requestId) void this.load(requestId, items ?? []);
    },
  },
  methods: {
    async load(requestId: string, items: Array<{ index: number; kind: 'image' | 'pdf' }>) {
      let photo = 0;
      let pdf = 0;
      const rows = items.map((a) => ({
        index: a.index,
        kind: a.kind,
        label: a.kind === 'pdf' ? `PDF 文件 ${(pdf += 1)}` : `照片 ${(photo += 1)}`,
        url: '',
      }));
      this.setData({ rows, error: '' });
      // Photos show at once; a PDF's link is asked for when it is opened.
      const links = await Promise.all(
        rows.map((r) => (r.kind === 'image' ? attachmentUrl(requestId, r.index) : Promise.resolve(null))),
      );
      const failed = links.find((l) => l && !l.ok);
      this.setData({
        rows: rows.map((r, i) => {
          const l = links[i];
          return l && l.ok ? { ...r, url: l.url } : r;
        }),
        error: failed && !failed.ok ? failed.message : '',
      });
    },
    async onOpen(e: WechatMiniprogram.CustomEvent) {
      const row = this.data.rows.find((r) => r.index === (e.currentTarget.dataset as { index: number }).index);
      if (!row) return;
      if (row.kind === 'image') {
        const urls = this.data.rows.filter((r) => r.kind === 'image' && r.url).map((r) => r.url);
        if (row.url) wx.previewImage({ urls, current: row.url });
        return;
      }
      const link = await attachmentUrl(this.properties.requestId, row.index);
      if (!link.ok) return this.setData({ error: link.message });
      if (!(await openPdf(link.url))) this.setData({ error: '文件未能打开，请稍后重试' });
    },
  },
});
