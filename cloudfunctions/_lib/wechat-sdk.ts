/**
 * The production sender: wx-server-sdk's `cloud.openapi.subscribeMessage.send`
 * (research: cloudbase-production.md). The function declares the
 * `subscribeMessage.send` permission in its `config.json`. Off the cloud the
 * SDK sends the call to `TCB_CONTEXT_CNFG`'s URL (the fake endpoint in tests).
 * Imported only by the `message` function's entry, so no other bundle carries
 * the SDK; it is required on the first send, not at cold start.
 */
import type { SendOutcome, SubscribeMessage, SubscribeSender } from './wechat';

interface WxServerSdk {
  init(options: { env: symbol | string }): void;
  DYNAMIC_CURRENT_ENV: symbol;
  openapi: { subscribeMessage: { send(p: Record<string, unknown>): Promise<{ errCode?: number }> } };
}

/** WeChat's own errcodes are positive; the SDK's and the platform's (-1, -5xxxxx) say nothing reached WeChat for sure. */
function wechatErrcode(e: unknown): number | null {
  const code = (e as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' && code > 0 ? code : null;
}

export function createWxServerSender(load: () => WxServerSdk = defaultLoad): SubscribeSender {
  let sdk: WxServerSdk | null = null;
  return {
    async send(m: SubscribeMessage): Promise<SendOutcome> {
      if (!sdk) {
        sdk = load();
        sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
      }
      try {
        await sdk.openapi.subscribeMessage.send({
          touser: m.touser,
          templateId: m.templateId,
          page: m.page,
          data: m.data,
          miniprogramState: 'formal',
          lang: 'zh_CN',
        });
        return { ok: true };
      } catch (e) {
        const errCode = wechatErrcode(e);
        if (errCode === null) throw e instanceof Error ? e : new Error('subscribeMessage.send failed');
        return { ok: false, errCode, errMsg: String((e as { errMsg?: unknown }).errMsg ?? '') };
      }
    },
  };
}

function defaultLoad(): WxServerSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('wx-server-sdk') as WxServerSdk;
}
