/**
 * The pre-filled recommendation form (推荐审批表) of one youth for one campaign, as Word: the youth's particulars
 * (no ID number, no phone), the cultivation record, the Party stage and the deeds; the unit's opinion and seal
 * are left blank for the paper copy.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export interface CampaignFormData {
  campaign: string;
  rows: Array<[string, string]>;
  measures: string[];
  deeds: string;
}

const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function renderCampaignForm(d: CampaignFormData): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...d.rows.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
      new TableRow({ children: [cell('培养锻炼情况', true), cell(d.measures.join('\n') || '无')] }),
      new TableRow({ children: [cell('主要事迹', true), cell(d.deeds)] }),
      new TableRow({ children: [cell('单位意见', true), cell('\n\n（盖章）      年  月  日')] }),
    ],
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${d.campaign}推荐审批表`, bold: true, size: 36 })],
          }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
