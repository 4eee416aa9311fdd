/**
 * 师徒协议 as Word (issue 11): the title, the paragraphs both parties signed, then each party's hand signature
 * image with the date and the fingerprint of the text it covers; A4, 宋体.
 */
import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import {
  AGREEMENT_TITLE,
  agreementParagraphs,
  PARTY_LABELS,
  type Party,
} from '../../../miniprogram/core/mentoring-agreement';
import { chinaDate, chineseDate } from '../../../miniprogram/core/china-time';
import type { AgreementDoc } from '../../_lib/collections';
import { termsOf } from './agreement-flow';

const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

export async function agreementDocx(a: AgreementDoc, png: Record<Party, Buffer>): Promise<Buffer> {
  const body = agreementParagraphs(termsOf(a)).flatMap((p) =>
    p.split('\n').map((line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(line)] })),
  );
  const signer = (party: Party): Paragraph[] => {
    const s = a.signatures[party];
    if (!s) return [];
    return [
      new Paragraph({ spacing: { before: 240 }, children: [new TextRun(`${PARTY_LABELS[party]}（签名）：`)] }),
      new Paragraph({
        children: [new ImageRun({ type: 'png', data: png[party], transformation: { width: 180, height: 72 } })],
      }),
      new Paragraph({
        children: [new TextRun(`${s.name}　签署日期：${chineseDate(chinaDate(s.at))}`)],
      }),
    ];
  };
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [new TextRun({ text: AGREEMENT_TITLE, bold: true, size: 36 })],
          }),
          ...body,
          ...signer('mentor'),
          ...signer('youth'),
          new Paragraph({
            spacing: { before: 240 },
            children: [new TextRun({ text: `协议文本指纹（SHA-256）：${a.textHash}`, size: 16 })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
