import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { readable } from '../agreement-flow';
import { agreementDocx } from '../agreement-docx';

const LINK_TTL_SECONDS = 600;

/**
 * The agreement as a Word file with both hand signatures, for its parties and the covering admins, once both
 * signed; handed out through a short-lived signed link.
 */
export const agreementFile: Handler<typeof mentoringContract.actions.agreementFile> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const a = await readable(deps, actor, input.agreementId);
  if (!a) return err(appError('MENTORING.NOT_FOUND', 'no such agreement'));
  const { mentor, youth } = a.signatures;
  if (!mentor || !youth) return err(appError('MENTORING.INVALID_STATE', 'not signed by both'));
  const [mentorPng, youthPng] = await Promise.all([deps.files.get(mentor.fileId), deps.files.get(youth.fileId)]);
  if (!mentorPng || !youthPng) throw new Error('signature image missing');
  const bytes = await agreementDocx(a, { mentor: mentorPng, youth: youthPng });
  const fileName = `师徒协议-${a.youthName}-${a.mentorName}.docx`;
  const { fileId } = await deps.files.put(
    `agreements/${a._id}.docx`,
    bytes,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  const link = await deps.files.url(fileId, LINK_TTL_SECONDS, { fileName, viewer: actor.openid });
  ctx.audit({ target: `agreements/${a._id}`, details: { file: 'docx' } });
  return ok({ url: link.url, expiresAt: link.expiresAt.toISOString(), fileName });
};
