/** Shared by the import action tests: a workbook as a cadre would upload it (issue 14). */
import type { ImportKind } from '../../../miniprogram/core/registry-import';
import { renderRows } from '../../../cloudfunctions/registry/src/workbook';
import type { ServerDeps } from '../../../cloudfunctions/_lib/deps';
import { uploadAs } from '../../support/uploads';

export async function uploadWorkbook(
  deps: ServerDeps,
  who: { openid: string },
  kind: ImportKind,
  rows: string[][],
): Promise<string> {
  return (await uploadAs(deps, who, await renderRows(kind, rows), 'xlsx')).fileId;
}
