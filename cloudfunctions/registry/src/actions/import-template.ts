import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { IMPORT_SHEET } from '../../../../miniprogram/core/registry-import';
import { err, ok } from '../../../../miniprogram/core/result';
import { hasRole } from '../../../_lib/identity';
import type { Handler } from '../../../_lib/router';
import { renderTemplate, XLSX_TYPE } from '../workbook';

/** The template is the same for everyone: one file per kind, kept under `templates/` and linked for 10 minutes. */
const LINK_TTL_SECONDS = 600;

/** The downloadable Excel template of an import (issue 14): its header row and example rows. */
export const importTemplate: Handler<typeof registryContract.actions.importTemplate> = async (input, ctx) => {
  const { deps, actor } = ctx;
  if (input.kind === 'orgs' && !hasRole(actor, ['cityAdmin', 'districtAdmin']))
    return err(appError('AUTH.FORBIDDEN', 'only the city and districts import units'));
  const fileName = `${IMPORT_SHEET[input.kind]}导入模板.xlsx`;
  const { fileId } = await deps.files.put(
    `templates/${input.kind}-v1.xlsx`,
    await renderTemplate(input.kind),
    XLSX_TYPE,
  );
  const link = await deps.files.url(fileId, LINK_TTL_SECONDS, { fileName, viewer: actor.openid });
  return ok({ url: link.url, fileName });
};
