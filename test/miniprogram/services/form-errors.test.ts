import type * as z from 'zod/mini';
import { accountContract } from '../../../miniprogram/core/contracts/account';
import { adminContract, noticeContract } from '../../../miniprogram/core/contracts/admin';
import { text } from '../../../miniprogram/core/contracts/common';
import * as forms from '../../../miniprogram/core/contracts/forms';
import { ReviewInput } from '../../../miniprogram/core/contracts/forms';
import { NominationForm } from '../../../miniprogram/core/contracts/nomination-form';
import { nominationContract } from '../../../miniprogram/core/contracts/nomination';
import {
  accepts,
  boundsOf,
  formErrors,
  issueErrors,
  issueText,
  limitsOf,
  reasonError,
  type FieldLabel,
  type IssueLike,
} from '../../../miniprogram/services/form-errors';

const reopen = adminContract.actions.reopen.input;
const setQuota = adminContract.actions.setQuota.input;

describe('boundsOf: the bounds come from the contract, never re-typed', () => {
  it.each<[string, z.ZodMiniType, object]>([
    ['text(200, 2)', text(200, 2), { min: 2, max: 200 }],
    // One reason bound for every reason (issue 9 §16): 4 to 200 characters.
    ['reveal reason', nominationContract.actions.reveal.input.shape.reason, { min: 4, max: 200 }],
    ['optional review comment', ReviewInput.shape.comment, { min: 4, max: 200 }],
    ['quota int 0–500', setQuota.shape.quota, { min: 0, max: 500, integer: true }],
    ['a regex has no length bound', accountContract.actions.redeemInvite.input.shape.code, {}],
    ['objection content text(500, 10)', noticeContract.actions.object.input.shape.content, { min: 10, max: 500 }],
  ])('%s', (_name, schema, bounds) => {
    expect(boundsOf(schema)).toEqual(bounds);
  });

  it('limitsOf gives every field of a form, e.g. for maxlength', () => {
    const limits = limitsOf(NominationForm);
    expect(limits.name).toEqual({ min: 2, max: 20 });
    expect(limits.post).toEqual({ min: 1, max: 40 });
    expect(limits.duty).toEqual({ max: 30 });
    expect(limitsOf(accountContract.actions.bindUnit.input).displayName).toEqual({ min: 1, max: 20 });
  });
});

describe('issueText: a zod issue as the Chinese message under its field', () => {
  const label: FieldLabel = '调整原因';
  it.each<[string, IssueLike, FieldLabel, object, string]>([
    ['empty required text', { code: 'too_small', origin: 'string', minimum: 1 }, label, {}, '请填写调整原因'],
    ['too short', { code: 'too_small', origin: 'string', minimum: 2 }, label, {}, '请填写调整原因（至少2个字）'],
    ['too short (10)', { code: 'too_small', origin: 'string', minimum: 10 }, label, {}, '请填写调整原因（至少10个字）'],
    ['too long', { code: 'too_big', origin: 'string', maximum: 200 }, label, {}, '调整原因不超过200个字'],
    ['too long, bound from the schema', { code: 'too_big' }, label, { max: 30 }, '调整原因不超过30个字'],
    ['missing', { code: 'invalid_type', expected: 'string' }, label, {}, '请填写调整原因'],
    ["the server's required", { code: 'required' }, '不通过的原因', {}, '请填写不通过的原因'],
    ['malformed', { code: 'invalid_format', origin: 'string' }, '邀请码', {}, '邀请码格式不正确'],
    ['not one of the choices', { code: 'invalid_value' }, '学历', {}, '请选择学历'],
    ['anything else', { code: 'custom' }, '附件', {}, '附件填写有误'],
    ['too few files', { code: 'too_small', origin: 'array', minimum: 1 }, '照片', {}, '照片至少1个'],
    ['too many files', { code: 'too_big', origin: 'array', maximum: 9 }, '照片', {}, '照片最多9个'],
    [
      'an own verb',
      { code: 'too_small', origin: 'string', minimum: 10 },
      { label: '异议内容', ask: '请具体说明' },
      {},
      '请具体说明异议内容（至少10个字）',
    ],
    [
      'a clause after',
      { code: 'too_small', origin: 'string', minimum: 2 },
      { label: '退回原因', after: '单位将看到此原因' },
      {},
      '请填写退回原因（至少2个字），单位将看到此原因',
    ],
    [
      'the clause only where it asks',
      { code: 'too_big', origin: 'string', maximum: 200 },
      { label: '退回原因', after: '单位将看到此原因' },
      {},
      '退回原因不超过200个字',
    ],
  ])('%s', (_name, issue, name, bounds, expected) => {
    expect(issueText(issue, name, bounds)).toBe(expected);
  });

  it.each<[string, IssueLike, object, string]>([
    [
      'not a number',
      { code: 'invalid_type', expected: 'number' },
      { min: 0, max: 500, integer: true },
      '请填写 0–500 之间的整数名额',
    ],
    [
      'above the range',
      { code: 'too_big', origin: 'number', maximum: 500 },
      { min: 0, max: 500, integer: true },
      '请填写 0–500 之间的整数名额',
    ],
    [
      'below the range',
      { code: 'too_small', origin: 'number', minimum: 0 },
      { min: 0, max: 500, integer: true },
      '请填写 0–500 之间的整数名额',
    ],
    ['only a floor', { code: 'too_small', origin: 'number', minimum: 1 }, { min: 1, integer: true }, '名额不能小于 1'],
    ['only a ceiling', { code: 'too_big', origin: 'number', maximum: 9 }, { max: 9 }, '名额不能大于 9'],
    ['no bounds', { code: 'invalid_type', expected: 'number' }, { integer: true }, '请填写整数名额'],
  ])('numbers: %s', (_name, issue, bounds, expected) => {
    expect(issueText(issue, '名额', bounds)).toBe(expected);
  });
});

describe('formErrors: a form checked against its contract', () => {
  const labels = { content: { label: '异议内容', ask: '请具体说明' } };
  const object = noticeContract.actions.object.input;

  it.each<[string, object, Record<string, string>]>([
    ['accepted', { nominationId: 'p:1', content: '该同志并非本单位在编人员。' }, {}],
    ['content too short', { nominationId: 'p:1', content: '不对' }, { content: '请具体说明异议内容（至少10个字）' }],
    ['content too long', { nominationId: 'p:1', content: '很'.repeat(501) }, { content: '异议内容不超过500个字' }],
    [
      'contact too long as well',
      { nominationId: 'p:1', content: '不对', contact: '1'.repeat(31) },
      { content: '请具体说明异议内容（至少10个字）', contact: '联系方式不超过20个字' },
    ],
    [
      'a contact that is no phone (issue 9 §8)',
      { nominationId: 'p:1', content: '该同志并非本单位在编人员，请核实。', contact: 'abc不是电话' },
      { contact: '联系方式格式不正确' },
    ],
  ])('the public objection: %s', (_name, value, expected) => {
    expect(formErrors(object, value, labels)).toEqual(expected);
  });

  it('a quota override: both fields, bounds from the schema', () => {
    expect(formErrors(setQuota, { unitId: 'u1', quota: Number.NaN, reason: '' }, { reason: '调整原因' })).toEqual({
      quota: '请填写 0–500 之间的整数名额',
      reason: '请填写调整原因（至少4个字）',
    });
    expect(accepts(setQuota, { unitId: 'u1', quota: 3, reason: '两新组织' })).toBe(true);
  });

  it('explains the server’s INPUT.INVALID issues (path and code only) with the bounds of the nested field', () => {
    const unitNominate = nominationContract.actions.nominateByUnit.input;
    const issues = [
      { path: 'form.post', code: 'too_big' },
      { path: 'form.deeds', code: 'too_small' },
      { path: 'form.post', code: 'invalid_type' },
    ];
    expect(issueErrors(unitNominate, issues)).toEqual({
      'form.post': '岗位不超过40个字',
      'form.deeds': '请填写典型事迹（至少50个字）',
    });
  });
});

describe('reasonError: a dialog’s reason against its field', () => {
  it.each<[string, z.ZodMiniType, string, FieldLabel, boolean, string]>([
    [
      'reopen: empty',
      reopen.shape.reason,
      '',
      { label: '退回原因', after: '单位将看到此原因' },
      false,
      '请填写退回原因（至少4个字），单位将看到此原因',
    ],
    [
      'reopen: one character after trimming',
      reopen.shape.reason,
      ' 错 ',
      '退回原因',
      false,
      '请填写退回原因（至少4个字）',
    ],
    ['reopen: enough', reopen.shape.reason, '材料不全', '退回原因', false, ''],
    [
      'review: optional in the contract, required by the decision',
      ReviewInput.shape.comment,
      '  ',
      '不通过的原因',
      true,
      '请填写不通过的原因',
    ],
    [
      'review: too long',
      ReviewInput.shape.comment,
      '很'.repeat(201),
      '不通过的原因',
      true,
      '不通过的原因不超过200个字',
    ],
    ['review: optional and empty', ReviewInput.shape.comment, '', '意见', false, ''],
  ])('%s', (_name, schema, value, label, required, expected) => {
    expect(reasonError(schema, value, label, required)).toBe(expected);
  });
});

describe('the phone checks against the contract’s own schemas (core/contracts/forms.ts)', () => {
  it.each<[string, unknown, unknown]>([
    ['account.bindUnit', accountContract.actions.bindUnit.input, forms.BindUnitInput],
    ['account.redeemInvite', accountContract.actions.redeemInvite.input, forms.RedeemInviteInput],
    ['nomination.claim', nominationContract.actions.claim.input, forms.ClaimInput],
    ['nomination.review', nominationContract.actions.review.input, forms.ReviewInput],
    ['nomination.reveal', nominationContract.actions.reveal.input, forms.RevealInput],
    ['admin.setQuota', adminContract.actions.setQuota.input, forms.SetQuotaInput],
    ['admin.reopen', adminContract.actions.reopen.input, forms.ReopenInput],
    ['admin.resolveObjection', adminContract.actions.resolveObjection.input, forms.ResolveObjectionInput],
    ['notice.object', noticeContract.actions.object.input, forms.ObjectionInput],
  ])('%s', (_action, contractInput, phoneSchema) => {
    expect(contractInput).toBe(phoneSchema);
  });
});
