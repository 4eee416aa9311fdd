/**
 * Self-nomination (个人自荐, R4.1) around the shared form. The separate
 * consent (PIPL art. 29) is asked when the form opens, never at launch.
 * Drafts are saved as the youth types, without the ID number and phone,
 * which stay on the phone until the submit. A double tap or a retry reuses
 * the request id, so it creates one nomination.
 */
import type { PeriodView } from '../../../../core/contracts/account';
import type { DraftView, NominationView } from '../../../../core/contracts/nomination';
import type { EligibilityRules } from '../../../../core/eligibility';
import { BLOCKING_STATUSES, STATUS_LABELS } from '../../../../core/nomination';
import { call, type CallFailure, type CallResult } from '../../../../services/cloud';
import { errorText } from '../../../../services/error-text';
import { loadSession, type Session } from '../../../../services/session';
import { forgetPersonal, keepPersonal, readPersonal } from '../../../../services/personal-draft';
import { nominationFormHost } from '../../../../behaviors/nomination-form-host';
import { cancelDebounce, debounce } from '../../../../lib/async';
import { chinaTimeText, lastComment } from '../../../../lib/format';
import { nominationWindow } from '../../../../lib/period';
import { backTo, go } from '../../../../lib/ui';
import { draftOf, formFrom, type FormState } from '../../../../components/nomination-form/model';
import { textSize } from '../../../../behaviors/text-size';

const AUTOSAVE_MS = 800;
const MINE_URL = '/package-youth/pages/nomination/mine/index';
const QUESTION = '提交后将由所在单位审核，审核期间不能修改。确认提交个人自荐吗？';

const gone = new WeakSet<object>(); // a draft save answering after the page left is not shown

const savedText = (iso: string): string => `草稿已保存 ${chinaTimeText(iso)}`;

/** Only a youth bound to a unit may nominate themself (the server answers FORBIDDEN otherwise). */
const refusal = (f: CallFailure) =>
  f.code === 'AUTH.FORBIDDEN' ? { unbound: true, loadError: errorText('ACCOUNT.NOT_BOUND') } : { loadError: f.message };

type Mine = CallResult<{ nomination: NominationView | null; draft: DraftView | null; listLocked: boolean }>;

/** Issue 9 §3: said before submitting, when the unit's list is already filed and locked. */
export const HELD_NOTICE =
  '本单位本期名单已备案锁定。您仍可提交，提交后将显示“待重新开放”，待区县团委重新开放名单后由单位审核。';
type Loaded = [Record<string, unknown>, FormState | null];

const heldNotice = (listLocked: boolean): string => (listLocked ? HELD_NOTICE : '');
const boundName = (s: CallResult<Session>) => (s.ok ? { name: s.data.displayName } : null);

/** What the page shows once loaded, and the form's starting value when there is a form (derived, not copied). */
function loaded(period: CallResult<PeriodView>, mine: Mine, session: CallResult<Session>): Loaded {
  if (!period.ok) return [{ loadError: period.message }, null];
  if (!mine.ok) return [refusal(mine), null];
  const { nomination: n, draft } = mine.data;
  if (n && BLOCKING_STATUSES.includes(n.status)) return [{ existing: { status: STATUS_LABELS[n.status] } }, null];
  // A returned record is the start; a later draft and the numbers kept on the phone go over it.
  const returned = n?.status === 'returned' ? n : null;
  const returnedComment = returned ? lastComment(returned.history, 'return') : '';
  const draftSaved = draft ? savedText(draft.updatedAt) : '';
  return [
    {
      ...nominationWindow(period.data),
      returnedComment,
      draftSaved,
      heldNotice: heldNotice(mine.data.listLocked),
    },
    // The name given when binding comes first (issue 9 §15); whatever the youth typed since goes over it.
    formFrom(boundName(session), returned, draft?.fields, readPersonal()),
  ];
}

Component({
  behaviors: [textSize, nominationFormHost],
  data: {
    loading: true,
    loadError: '',
    unbound: false,
    /** Why the period does not accept nominations now ('' = open). */
    closed: '',
    rules: null as EligibilityRules | null,
    existing: null as { status: string } | null,
    returnedComment: '',
    heldNotice: '',
    locked: true,
    draftSaved: '',
    draftError: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
    detached() {
      this.flushDraft();
      gone.add(this);
    },
  },
  pageLifetimes: {
    hide() {
      this.flushDraft();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, loadError: '' });
      const answers = await Promise.all([
        call('account', 'currentPeriod', {}),
        call('nomination', 'getMine', {}),
        loadSession(),
      ]);
      const [view, initial] = loaded(...answers);
      this.setData({ loading: false, ...view });
      if (initial) this.resetForm(initial);
    },

    onConsent(e: WechatMiniprogram.CustomEvent<{ granted: boolean; answered: boolean }>) {
      const { granted, answered } = e.detail;
      if (granted === this.data.locked) this.setData({ locked: !granted });
      if (granted || !answered) return;
      // Refused: nothing personal is kept, not even on the phone.
      forgetPersonal();
      const form = this.formValue();
      if (form.idNumber || form.phone) this.form()?.setValue({ ...form, idNumber: '', phone: '' });
    },

    onFormEdited(field: string, value: FormState) {
      if (field === 'idNumber' || field === 'phone') keepPersonal(value);
      else this.scheduleDraft();
    },

    scheduleDraft() {
      if (!this.data.closed) debounce(this, AUTOSAVE_MS, () => void this.saveDraft());
    },
    flushDraft() {
      if (cancelDebounce(this)) void this.saveDraft();
    },

    async saveDraft() {
      const res = await call('nomination', 'saveDraft', { fields: draftOf(this.formValue()) });
      if (gone.has(this)) return;
      if (res.ok) this.setData({ draftSaved: savedText(res.data.draft.updatedAt), draftError: '' });
      else this.setData({ draftError: `草稿未能保存：${res.message}` });
    },

    async onSubmit() {
      let draftPending = false;
      const res = await this.submitForm({
        blocked: !!this.data.closed,
        question: () => ['确认提交', QUESTION, '提交'],
        before: () => (draftPending = cancelDebounce(this)),
        send: (form, requestId) => call('nomination', 'submitSelf', form, requestId),
        refused: (failure) => this.consentRefused(failure),
      });
      if (res?.ok) {
        forgetPersonal();
        backTo(MINE_URL);
      } else if (res && draftPending) this.scheduleDraft();
    },

    /** The consent was withdrawn meanwhile: the numbers lock and the rules are shown again. */
    consentRefused(failure: CallFailure): boolean {
      if (failure.code !== 'CONSENT.REQUIRED') return false;
      this.setData({ locked: true });
      (this.selectComponent('.consent') as unknown as { open(): void } | null)?.open();
      return true;
    },

    onViewMine() {
      backTo(MINE_URL);
    },
    onBindUnit() {
      go('/package-youth/pages/account/bind-unit/index');
    },
  },
});
