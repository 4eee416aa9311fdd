/**
 * 服务工单 (issue 12): a handler's queue on the phone — the requests of the types they handle, overdue first,
 * filtered by state and type; a tap opens the request to accept, note, resolve.
 */
import type { QueueView, RequestView } from '../../../core/contracts/services';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { go } from '../../../lib/ui';
import { call } from '../../../services/cloud';
import { requestRow, SERVICES_ROOT } from '../../lib/request';
import { textSize } from '../../../behaviors/text-size';

type State = 'open' | 'submitted' | 'in_progress' | 'resolved' | 'closed';
interface Query {
  state: State;
  typeId: string;
}

const STATES: Array<{ id: State; label: string }> = [
  { id: 'open', label: '待办' },
  { id: 'submitted', label: '待受理' },
  { id: 'in_progress', label: '办理中' },
  { id: 'resolved', label: '已办结' },
  { id: 'closed', label: '已评价' },
];

const list = pagedList<RequestView, ReturnType<typeof requestRow>, Query, QueueView>({
  fetch: (data, page) =>
    call('services', 'queue', {
      status: data.state,
      ...(data.typeId ? { typeId: data.typeId } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
  row: requestRow,
  extra: (answer) => ({ overdue: answer.overdue }),
});

Component({
  behaviors: [textSize, list],
  data: {
    state: 'open' as State,
    typeId: '',
    states: STATES,
    types: [] as Array<{ id: string; label: string }>,
    overdue: 0,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    show() {
      if (this.data.page > 0) void this.loadFirst();
    },
  },
  methods: {
    async init() {
      const types = await call('services', 'types', {});
      if (types.ok)
        this.setData({
          types: [{ id: '', label: '全部类型' }, ...types.data.map((t) => ({ id: t.id, label: t.name }))],
        });
      await this.loadFirst();
    },
    onState(e: WechatMiniprogram.CustomEvent) {
      this.setData({ state: (e.currentTarget.dataset as { id: State }).id });
      void this.loadFirst();
    },
    onType(e: WechatMiniprogram.CustomEvent) {
      this.setData({ typeId: (e.currentTarget.dataset as { id: string }).id });
      void this.loadFirst();
    },
    onOpen(e: WechatMiniprogram.CustomEvent) {
      go(`${SERVICES_ROOT}/request/index?id=${(e.currentTarget.dataset as { id: string }).id}`);
    },
  },
});
