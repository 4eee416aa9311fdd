/**
 * 综合服务 (issue 12), the youth's entry: the catalogue to request from, the offers that found them (政策找人,
 * one tap to apply), and their own requests with where each stands.
 */
import type { OfferView, RequestView, ServiceTypeView } from '../../../core/contracts/services';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { chinaDateText } from '../../../lib/format';
import { go } from '../../../lib/ui';
import { call } from '../../../services/cloud';
import { requestRow, SERVICES_ROOT } from '../../lib/request';
import { textSize } from '../../../behaviors/text-size';

const typeCard = (t: ServiceTypeView) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  limit: `${t.limitDays}个工作日内办结`,
  sensitive: t.sensitive,
});

const offerCard = (o: OfferView) => ({
  id: o.id,
  typeId: o.typeId,
  title: o.title,
  description: o.description,
  closes: `${chinaDateText(`${o.closesOn}T00:00:00+08:00`)}截止`,
  canApply: o.open && !o.requestId,
  requestId: o.requestId ?? '',
});

const list = pagedList<RequestView, ReturnType<typeof requestRow>, object>({
  fetch: (_data, page) => call('services', 'mine', { page, pageSize: PAGE_SIZE }),
  row: requestRow,
});

Component({
  behaviors: [textSize, list],
  data: {
    types: [] as Array<ReturnType<typeof typeCard>>,
    offers: [] as Array<ReturnType<typeof offerCard>>,
    catalogueError: '',
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    show() {
      if (this.data.page > 0) void this.init();
    },
  },
  methods: {
    async init() {
      const [types, offers] = await Promise.all([call('services', 'catalogue', {}), call('services', 'myOffers', {})]);
      this.setData({
        types: types.ok ? types.data.map(typeCard) : [],
        offers: offers.ok ? offers.data.map(offerCard) : [],
        catalogueError: types.ok ? '' : types.message,
      });
      await this.loadFirst();
    },
    onType(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      go(`${SERVICES_ROOT}/form/index?type=${id}`);
    },
    onApply(e: WechatMiniprogram.CustomEvent) {
      const { id, type } = e.currentTarget.dataset as { id: string; type: string };
      go(`${SERVICES_ROOT}/form/index?type=${type}&offer=${id}`);
    },
    onParticipation() {
      go(`${SERVICES_ROOT}/participation/index`);
    },
    onOpen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      if (id) go(`${SERVICES_ROOT}/request/index?id=${id}`);
    },
  },
});
