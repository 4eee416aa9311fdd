/** The data pages' tests (issue 14): a workbook chosen from a WeChat chat and uploaded as the phone would. */
import { renderRows } from '../../../cloudfunctions/registry/src/workbook';
import type { ImportKind } from '../../../miniprogram/core/registry-import';
import type { Bridge } from '../../support/cloud-bridge';

const wxGlobal = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

/** The next pick from a chat answers with this workbook; the upload lands in the bridge's file store. */
export async function stubWorkbook(bridge: Bridge, kind: ImportKind, rows: string[][], name = '导入.xlsx') {
  const bytes = await renderRows(kind, rows);
  const path = `wxfile://tmp/${name}`;
  wxGlobal().chooseMessageFile = jest.fn((o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ path, size: bytes.length, name, type: 'file', time: 0 }] }),
  );
  const cloud = wxGlobal().cloud as Record<string, unknown>;
  cloud.uploadFile = jest.fn(async (o: { cloudPath: string }) => {
    const { fileId } = await bridge.deps.files.put(o.cloudPath, bytes, '');
    return { fileID: fileId };
  });
}
