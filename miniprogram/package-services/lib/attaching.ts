/**
 * The attachments of a form page (issue 12): its `attachments` rows and the taps that add photos or a PDF, upload
 * each as it is picked (one at a time, each row showing where it stands), retry a failed one or remove one before
 * sending. The page reads `attachments` when it submits.
 */
import { toast } from '../../lib/ui';
import { MAX_ATTACHMENTS, pickPdf, pickPhotos, upload, type AttachmentRow, type Picked } from './attachments';

export const attaching = Behavior({
  data: { attachments: [] as AttachmentRow[], maxAttachments: MAX_ATTACHMENTS },
  methods: {
    async onAddPhotos() {
      await this.add(await pickPhotos(MAX_ATTACHMENTS - this.data.attachments.length));
    },
    async onAddPdf() {
      await this.add(await pickPdf());
    },
    async add(picked: Picked) {
      if (!picked) return;
      if (!picked.ok) return toast(this, picked.message);
      if (this.data.attachments.length + picked.rows.length > MAX_ATTACHMENTS)
        return toast(this, `最多 ${MAX_ATTACHMENTS} 个附件`);
      this.setData({ attachments: [...this.data.attachments, ...picked.rows] });
      for (const r of picked.rows) await this.send(r);
    },
    async send(r: AttachmentRow) {
      const done = await upload(r);
      const index = this.data.attachments.findIndex((a) => a.key === r.key);
      if (index >= 0) this.setData({ [`attachments[${index}]`]: done }); // unless removed meanwhile
    },
    onRetryAttachment(e: WechatMiniprogram.CustomEvent) {
      const r = this.data.attachments.find((a) => a.key === (e.currentTarget.dataset as { key: string }).key);
      if (!r || r.state !== 'failed') return;
      const index = this.data.attachments.indexOf(r);
      this.setData({ [`attachments[${index}].state`]: 'uploading', [`attachments[${index}].stateText`]: '上传中…' });
      void this.send(r);
    },
    onRemoveAttachment(e: WechatMiniprogram.CustomEvent) {
      const { key } = e.currentTarget.dataset as { key: string };
      this.setData({ attachments: this.data.attachments.filter((a) => a.key !== key) });
    },
  },
});
