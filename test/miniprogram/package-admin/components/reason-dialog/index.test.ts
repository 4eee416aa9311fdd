/**
 * The reason dialog on its own: its rules come from the contract's schema of
 * the field (bounds, the counter's maximum), confirm sends once and closes,
 * cancel sends nothing, a refusal stays in view. Sending goes through the real
 * cloud bridge (nomination.reveal), as the review detail page sends it.
 */
import * as path from 'node:path';
import {
  ReopenInput,
  ResolveObjectionInput,
  RevealInput,
  ReviewInput,
} from '../../../../../miniprogram/core/contracts/forms';
import {
  find,
  loadPage,
  MINIPROGRAM_ROOT,
  openPage,
  tapButton,
  textOf,
  typeInto,
  useBridge,
  type SimPage,
} from '../../../../support/cloud-bridge';

interface DialogData {
  visible: boolean;
  title: string;
  value: string;
  error: string;
  busy: boolean;
  maxlength: number;
  hint: string;
  warning: string;
  note: string;
  confirmText: string;
}

type Answer = { ok: true; data: unknown } | { ok: false; code: string; message: string };
interface Request {
  title: string;
  label: string | { label: string; ask?: string; after?: string };
  schema: unknown;
  required?: boolean;
  placeholder?: string;
  hint?: string;
  warning?: string;
  note?: string;
  confirmText?: string;
  check?(): string;
  send(reason: string): Promise<Answer | null>;
}
type Dialog = SimPage<DialogData> & { instance: { open(request: Request): Promise<unknown> } };

// The phone's own call, untyped like the bridge loads it (its `wx` typings stay out of the test program).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { call } = require(path.join(MINIPROGRAM_ROOT, 'services/cloud')) as {
  call(fn: string, action: string, data: unknown): Promise<Answer>;
};

const bridge = useBridge({ openid: 'dev-unit-admin' });
const DIALOG = loadPage('package-admin/components/reason-dialog/index');

const open = async () => (await openPage<DialogData>(DIALOG, bridge)) as Dialog;
const confirm = (d: Dialog) => tapButton(d, ['.rd', '.t-dialog__button--confirm'], bridge);
const cancel = (d: Dialog) => tapButton(d, ['.rd', '.t-dialog__button--cancel'], bridge);
const type = (d: Dialog, text: string) => typeInto(d, '.reason-input', text, bridge);

async function liNomination(): Promise<string> {
  const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
  return li._id;
}

/** The detail page's request to see a full ID number, sent for real. */
const reveal = (nominationId: string, sent: string[] = []): Request => ({
  title: '查看李明的完整身份证号',
  label: '查看理由',
  schema: RevealInput.shape.reason,
  placeholder: '请填写查看理由，如：核对报名信息',
  note: '本次查看将被记录（查看人、时间、理由），仅限工作需要。',
  send: (reason) => {
    sent.push(reason);
    return call('nomination', 'reveal', { nominationId, field: 'idNumber', reason });
  },
});

describe('reason dialog', () => {
  it.each([
    ['a reveal reason', RevealInput.shape.reason, 200],
    ['a reopen reason', ReopenInput.shape.reason, 200],
    ['an objection note', ResolveObjectionInput.shape.note, 500],
    ['a review comment', ReviewInput.shape.comment, 200],
  ])('counts %s up to the contract’s maximum', async (_what, schema, max) => {
    const dialog = await open();
    void dialog.instance.open({ title: '原因', label: '原因', schema, send: async () => null });
    await bridge.idle();
    expect(dialog.data.maxlength).toBe(max);
  });

  it('refuses a reason the schema refuses, in Chinese, and sends nothing', async () => {
    const sent: string[] = [];
    const dialog = await open();
    void dialog.instance.open(reveal(await liNomination(), sent));
    await bridge.idle();
    expect(dialog.data).toMatchObject({ visible: true, title: '查看李明的完整身份证号', confirmText: '确定' });
    expect(textOf(find(dialog, '.reason-note'))).toBe('本次查看将被记录（查看人、时间、理由），仅限工作需要。');

    await confirm(dialog);
    expect(textOf(find(dialog, '.reason-error'))).toBe('请填写查看理由（至少4个字）');
    await type(dialog, ' 查 ');
    expect(dialog.data.error).toBe(''); // typing clears the message
    await confirm(dialog);
    expect(dialog.data.error).toBe('请填写查看理由（至少4个字）'); // trimmed, as the server trims
    expect(sent).toEqual([]);
    expect(dialog.data.visible).toBe(true);
  });

  it('sends the trimmed reason once, closes, and resolves with the answer', async () => {
    const sent: string[] = [];
    const dialog = await open();
    const answer = dialog.instance.open(reveal(await liNomination(), sent));
    await type(dialog, '  核对报名信息 ');
    await confirm(dialog);
    expect(sent).toEqual(['核对报名信息']);
    expect(dialog.data).toMatchObject({ visible: false, value: '', busy: false, error: '' });
    await expect(answer).resolves.toEqual({ value: expect.stringMatching(/^330602\d{11}[\dX]$/) });
  });

  it('cancel closes without sending and resolves null', async () => {
    const sent: string[] = [];
    const dialog = await open();
    const answer = dialog.instance.open(reveal(await liNomination(), sent));
    await type(dialog, '核对报名信息');
    await cancel(dialog);
    expect(sent).toEqual([]);
    expect(dialog.data.visible).toBe(false);
    await expect(answer).resolves.toBeNull();
  });

  it('keeps a refusal from the server in view, and may be confirmed again', async () => {
    const dialog = await open();
    void dialog.instance.open(reveal('no-such-nomination'));
    await type(dialog, '核对报名信息');
    await confirm(dialog);
    expect(dialog.data).toMatchObject({ visible: true, busy: false });
    expect(textOf(find(dialog, '.reason-error'))).toBe('未找到该推荐记录');
  });

  it('asks for a reason the decision needs although the contract’s field is optional', async () => {
    const sent: string[] = [];
    const dialog = await open();
    void dialog.instance.open({
      title: '不通过的原因（李明）',
      label: '不通过的原因',
      required: true,
      schema: ReviewInput.shape.comment,
      send: async (reason) => {
        sent.push(reason);
        return { ok: true, data: {} };
      },
    });
    await confirm(dialog);
    expect(dialog.data.error).toBe('请填写不通过的原因');
    await type(dialog, '不符合在编要求');
    await confirm(dialog);
    expect(sent).toEqual(['不符合在编要求']);
  });

  it('runs the page’s own check first, and stays open without a message when nothing was sent', async () => {
    let quota = '';
    let asked = 0;
    const dialog = await open();
    void dialog.instance.open({
      title: '调整名额',
      label: { label: '退回原因', after: '单位将看到此原因' },
      schema: ReopenInput.shape.reason,
      hint: '建议名额 1 名',
      warning: '异议成立将取消该青年的入选资格并释放名额。',
      confirmText: '退回',
      check: () => (quota ? '' : '请填写 0–500 之间的整数名额'),
      send: async () => {
        asked += 1;
        return null; // e.g. a second confirmation declined
      },
    });
    await bridge.idle();
    expect(textOf(dialog)).toContain('建议名额 1 名');
    expect(textOf(dialog)).toContain('异议成立将取消该青年的入选资格并释放名额。');
    await confirm(dialog);
    expect(dialog.data.error).toBe('请填写 0–500 之间的整数名额');
    quota = '3';
    await confirm(dialog);
    expect(dialog.data.error).toBe('请填写退回原因（至少4个字），单位将看到此原因');
    await type(dialog, '人员信息需更正');
    await confirm(dialog);
    expect(asked).toBe(1);
    expect(dialog.data).toMatchObject({ visible: true, busy: false, error: '' });
  });
});
