/**
 * The full nomination form (R2, R4.1) for both channels: 个人自荐 and 组织推荐.
 * Feedback is instant and comes from core's rules; the server stays the
 * authority and its field errors (`errors`) stand under their field until the
 * field changes. Emits `change` with `{ value, valid, field }` (`field` is ''
 * when the value was set from outside or the context changed, not typed).
 *
 * The page sets the value and the server's verdicts with `setValue` and
 * `showErrors` (through selectComponent), not through properties: a page's
 * unrelated setData must never put back a value or a verdict the person has
 * since changed.
 */
import { NominationForm } from '../../core/contracts/nomination-form';
import type { EligibilityRules } from '../../core/eligibility';
import {
  ATTESTATION_LABELS,
  ATTESTATIONS,
  DEEDS_MAX,
  DEEDS_MIN,
  DEGREE_LABELS,
  EDUCATION_LABELS,
  EDUCATIONS,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
  type Attestation,
} from '../../core/profile';
import { limitsOf } from '../../services/form-errors';
import { chooseAndUploadPhoto, photoLink } from '../../services/storage';
import { EMPTY_FORM, fitDegree, formFrom, formView, type FieldKey, type FormState, type FormView } from './model';

type Toggle = 'onStaff' | 'showcaseConsent';
type Choice = 'education' | 'degree' | 'politicalStatus';
type TextField = 'name' | 'idNumber' | 'phone' | 'duty' | 'post' | 'title' | 'skillLevel' | 'deeds';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

// Server verdicts per instance, merged into the view (never rendered as they are).
const serverErrors = new WeakMap<object, Partial<Record<FieldKey, string>>>();
// The rules and lock the view was last computed with.
const contexts = new WeakMap<object, string>();

const isRules = (r: Partial<EligibilityRules> | null): r is EligibilityRules =>
  !!r && typeof r.cutoffBirthDate === 'string' && typeof r.minAge === 'number';

Component({
  options: { multipleSlots: true },
  properties: {
    /** The current period's rules, for the instant age check. */
    rules: { type: Object, value: {} },
    personalLocked: { type: Boolean, value: false },
    /** 'self' (the youth writes about themself) or 'unit' (an admin writes about a youth). */
    channel: { type: String, value: 'self' },
  },
  data: {
    form: EMPTY_FORM,
    view: null as FormView | null,
    educations: options(EDUCATIONS, EDUCATION_LABELS),
    degreeLabels: DEGREE_LABELS,
    politicalStatuses: options(POLITICAL_STATUSES, POLITICAL_STATUS_LABELS),
    attestationItems: options(ATTESTATIONS, ATTESTATION_LABELS),
    deedsMin: DEEDS_MIN,
    deedsMax: DEEDS_MAX,
    /** Input lengths from the contract's own schema (the ID number and phone keep their formats' lengths). */
    limits: limitsOf(NominationForm),
    photoSrc: '',
    photoBusy: false,
    photoError: '',
  },
  observers: {
    'rules, personalLocked'(rules: Partial<EligibilityRules> | null, locked: boolean) {
      // Recompute only on a real change, not each time the page re-renders around the form.
      const key = `${JSON.stringify(rules)}|${locked}`;
      if (contexts.get(this) === key) return;
      contexts.set(this, key);
      this.refresh('', this.data.form);
    },
  },
  lifetimes: {
    attached() {
      this.refresh('', this.data.form);
    },
  },
  methods: {
    /** Replaces what is in the form (a restored draft, a returned record, a fresh start). */
    setValue(value: Partial<FormState>) {
      serverErrors.delete(this);
      const form = formFrom(value);
      this.refresh('', form, { form, photoSrc: '' });
      const fileId = form.photoFileId;
      if (fileId)
        void photoLink({ fileId }).then((src) => {
          if (this.data.form.photoFileId === fileId) this.setData({ photoSrc: src });
        });
    },

    /** The optional photo goes to cloud storage (the dev server's file store locally); the form keeps its id. */
    async onPhoto() {
      if (this.data.photoBusy) return;
      this.setData({ photoBusy: true, photoError: '' });
      const uploaded = await chooseAndUploadPhoto();
      this.setData({ photoBusy: false });
      if (!uploaded) return;
      if (!uploaded.ok) {
        this.setData({ photoError: uploaded.message });
        return;
      }
      const form = { ...this.data.form, photoFileId: uploaded.fileId };
      this.change([], form, { 'form.photoFileId': uploaded.fileId, photoSrc: uploaded.path });
    },

    onRemovePhoto() {
      this.change([], { ...this.data.form, photoFileId: '' }, { 'form.photoFileId': '', photoSrc: '' });
    },

    /** Server verdicts by field (`degree`, `attestations.moral`, …); each stands until its field changes. */
    showErrors(errors: Partial<Record<FieldKey, string>>) {
      serverErrors.set(this, { ...errors });
      this.refresh('', this.data.form);
    },

    /** Renders `patch` with the view of `form` and tells the page; `field` names what the person changed. */
    refresh(field: string, form: FormState, patch: Record<string, unknown> = {}) {
      const rules = this.properties.rules as Partial<EligibilityRules> | null;
      const view = formView(form, {
        rules: isRules(rules) ? rules : null,
        now: new Date(),
        personalLocked: this.properties.personalLocked,
        server: serverErrors.get(this) ?? {},
      });
      // Only the changed field's path crosses to the view layer, never the whole form.
      this.setData({ ...patch, view });
      this.triggerEvent('change', { value: form, valid: view.valid, missing: view.missing, field });
    },

    /** The person changed `fields`: their server verdicts no longer apply. */
    change(fields: FieldKey[], form: FormState, patch: Record<string, unknown>) {
      const server = serverErrors.get(this);
      if (server) for (const f of fields) delete server[f];
      this.refresh(fields[0], form, patch);
    },

    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field: TextField }).field;
      const value = e.detail.value;
      this.change([field], { ...this.data.form, [field]: value }, { [`form.${field}`]: value });
    },

    onChoose(e: WechatMiniprogram.CustomEvent) {
      const { field, value } = e.currentTarget.dataset as { field: Choice; value: string };
      const form = { ...this.data.form, [field]: value } as FormState;
      if (field !== 'education') return this.change([field], form, { [`form.${field}`]: value });
      // 学位 follows 学历: kept while it still fits, else the only possible one, else none.
      form.degree = fitDegree(form.education, form.degree);
      this.change([field, 'degree'], form, { [`form.${field}`]: value, 'form.degree': form.degree });
    },

    onToggle(e: WechatMiniprogram.CustomEvent) {
      const field = (e.currentTarget.dataset as { field: Toggle }).field;
      const value = !this.data.form[field];
      this.change([field], { ...this.data.form, [field]: value }, { [`form.${field}`]: value });
    },

    onSwitch(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const field = (e.currentTarget.dataset as { field: Toggle }).field;
      const value = e.detail.value === true;
      this.change([field], { ...this.data.form, [field]: value }, { [`form.${field}`]: value });
    },

    onAttest(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      const name = (e.currentTarget.dataset as { name: Attestation }).name;
      const checked = e.detail.checked === true;
      const attestations = { ...this.data.form.attestations, [name]: checked };
      this.change(
        [`attestations.${name}`],
        { ...this.data.form, attestations },
        {
          [`form.attestations.${name}`]: checked,
        },
      );
    },
  },
});
