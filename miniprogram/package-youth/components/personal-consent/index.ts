/**
 * The separate consent to processing the ID number and phone (PIPL art. 29),
 * asked where they are collected — never at launch. Opens a dialog with the
 * short 《个人信息处理规则》 when the consent on record is missing, refused or of
 * an older text version; the answer is recorded either way. While refused, a
 * notice offers to read it again. Emits `change` with `{ granted, answered }`
 * (`answered`: the person just chose in the dialog, not the record on file).
 */
import { PERSONAL_INFO_CONSENT_VERSION } from '../../../core/profile';
import { call } from '../../../services/cloud';
import { adoptSession, loadSession, type Session } from '../../../services/session';

type State = 'loading' | 'granted' | 'refused' | 'error';

const isCurrent = (c: Session['consent']): boolean =>
  c !== null && c.granted && c.version === PERSONAL_INFO_CONSENT_VERSION;

Component({
  properties: {
    /** What refusing means on this page. */
    refusedText: {
      type: String,
      value: '您未同意《个人信息处理规则》，暂不能填写身份证号和手机号；其他内容可以继续填写，草稿会自动保存。',
    },
  },
  data: {
    state: 'loading' as State,
    visible: false,
    busy: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ state: 'loading', error: '' });
      const me = await loadSession();
      if (!me.ok) {
        this.setData({ state: 'error', error: me.message });
        this.triggerEvent('change', { granted: false, answered: false });
        return;
      }
      const granted = isCurrent(me.data.consent);
      this.setData({ state: granted ? 'granted' : 'refused', visible: !granted });
      this.triggerEvent('change', { granted, answered: false });
    },

    /** Shows the rules again (the notice's button, or the page after a CONSENT.REQUIRED answer). */
    open() {
      this.setData({ visible: true, error: '' });
    },

    async answer(granted: boolean) {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      const res = await call('account', 'recordConsent', {
        purpose: 'personal_info',
        version: PERSONAL_INFO_CONSENT_VERSION,
        granted,
      });
      if (!res.ok && granted) {
        this.setData({ busy: false, error: res.message });
        return;
      }
      // The answer is the account with the consent on record: every later page reads it from the session.
      if (res.ok) adoptSession(res.data);
      // A refusal that could not be recorded is still a refusal: nothing is collected.
      this.setData({ busy: false, visible: false, state: granted ? 'granted' : 'refused' });
      this.triggerEvent('change', { granted, answered: true });
    },

    onAgree() {
      void this.answer(true);
    },
    onRefuse() {
      void this.answer(false);
    },
  },
});
