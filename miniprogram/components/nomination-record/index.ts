/**
 * The rest of a nomination's record under its card: education, politics,
 * position, the attested criteria (R2.3), the deeds and the showcase consent
 * (R8.1). Personal numbers are not here: the card shows them masked (R9.1).
 */
import type { NominationView } from '../../core/contracts/nomination';
import { CHANNEL_LABELS } from '../../core/nomination';
import { photoLink } from '../../services/storage';
import { chinaDateTime } from '../../lib/format';
import {
  ATTESTATION_LABELS,
  ATTESTATIONS,
  educationDegreeText,
  POLITICAL_STATUS_LABELS,
  positionText,
} from '../../core/profile';

interface Row {
  label: string;
  value: string;
}

interface RecordView {
  rows: Row[];
  attestations: Array<{ name: string; label: string; confirmed: boolean }>;
  deeds: string;
  showcase: string;
}

function channelText(n: NominationView): string {
  const unclaimed = n.channel === 'unit' && !n.claimed ? '（待本人认领）' : '';
  return `${CHANNEL_LABELS[n.channel]}${unclaimed}`;
}

function recordOf(n: NominationView): RecordView {
  return {
    rows: [
      { label: '推荐渠道', value: channelText(n) },
      { label: '学历学位', value: educationDegreeText(n.education, n.degree) },
      { label: '政治面貌', value: POLITICAL_STATUS_LABELS[n.politicalStatus] },
      { label: '职务、岗位（职称、职级）', value: positionText(n) },
      { label: '是否在编', value: n.onStaff ? '是' : '否' },
      ...(n.confirmation
        ? [{ label: '审核确认', value: `${n.confirmation.byName} ${chinaDateTime(n.confirmation.at)}` }]
        : []),
    ],
    attestations: ATTESTATIONS.map((a) => ({ name: a, label: ATTESTATION_LABELS[a], confirmed: n.attestations[a] })),
    deeds: n.deeds,
    showcase: n.showcaseConsent ? '同意在公示和展示中使用事迹' : '不同意公开展示事迹',
  };
}

const isView = (n: Partial<NominationView>): n is NominationView =>
  typeof n.id === 'string' && n.id !== '' && typeof n.attestations === 'object';

Component({
  properties: {
    nomination: { type: Object, value: {} },
  },
  data: { record: null as RecordView | null, photo: '' },
  observers: {
    nomination(n: Partial<NominationView>) {
      this.setData({ record: isView(n) ? recordOf(n) : null, photo: '' });
      if (isView(n) && n.photoFileId) {
        void photoLink({ nominationId: n.id }).then((photo) => {
          if ((this.properties.nomination as Partial<NominationView>).id === n.id) this.setData({ photo });
        });
      }
    },
  },
});
