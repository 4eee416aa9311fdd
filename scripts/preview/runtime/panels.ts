/**
 * The panels beside the phone: the persona switcher (who the dev server
 * believes the user is) and the outbox (every notification with its
 * delivery state: sent by WeChat, in the app only, failed). Both read the dev server's `/api/dev/*` endpoints directly with
 * fetch, so they never show up as the app's own requests.
 */
import { ROLE_LABELS, ROLES, type Role } from '../../../miniprogram/core/org';
import { PREVIEW_TEXT_SIZES } from '../../../miniprogram/lib/text-size';
import { getStorage, setStorage, API_EVENT, FONT_SIZE_KEY } from './wx';

/** Must match services/cloud.ts (not imported: it needs the mini-program's wx typings). */
export const DEV_SERVER_KEY = 'hqn.devServer';
export const DEV_OPENID_KEY = 'hqn.devOpenid';

const OUTBOX_POLL_MS = 2000;

export interface Persona {
  openid: string;
  name: string;
  role: Role;
  note: string;
}

interface Notice {
  _id: string;
  toOpenid: string;
  title: string;
  body: string;
  page: string;
  createdAt: string;
  status: string;
  reason?: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isPersona(v: unknown): v is Persona {
  return isRecord(v) && typeof v.openid === 'string' && typeof v.name === 'string' && ROLES.includes(v.role as Role);
}

function isNotice(v: unknown): v is Notice {
  return isRecord(v) && typeof v._id === 'string' && typeof v.toOpenid === 'string' && typeof v.title === 'string';
}

/** The sender's state of a message (cloudfunctions/_lib/sender.ts), as the panel shows it. */
const DELIVERY: Record<string, string> = {
  pending: '待发送',
  claimed: '发送中',
  sent: '微信已送达',
  in_app_only: '仅站内（消息中心）',
  failed: '发送失败',
};
const REASONS: Record<string, string> = { no_grant: '未订阅', no_template: '未配置模板', unconfirmed: '结果未确认' };

function deliveryText(n: Notice): string {
  const reason = n.reason ? `：${REASONS[n.reason] ?? n.reason}` : '';
  return `${DELIVERY[n.status] ?? n.status}${reason}`;
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}`);
  return (await res.json()) as unknown;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`preview shell is missing #${id}`);
  return node;
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export class Panels {
  private personas: Persona[] = [];
  private seen = new Set<string>();
  private lastOutbox = '';
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** `relaunch` reopens the home page so it reloads as the new persona. */
  constructor(private readonly relaunch: (page?: string) => void) {}

  /** The dev server is the same origin; set before any page code runs so services/cloud.ts takes the local path. */
  static enterLocalMode(): void {
    setStorage(DEV_SERVER_KEY, 'same-origin');
  }

  get currentOpenid(): string {
    const v = getStorage(DEV_OPENID_KEY);
    return typeof v === 'string' ? v : '';
  }

  async loadPersonas(): Promise<void> {
    const list = byId('pv-persona-list');
    try {
      const data = await getJson('/api/dev/personas');
      this.personas = Array.isArray(data) ? data.filter(isPersona) : [];
    } catch {
      list.replaceChildren(el('li', 'pv-empty', '无法连接本地服务，身份切换不可用。请用 npm start 打开预览。'));
      return;
    }
    if (!this.personas.some((p) => p.openid === this.currentOpenid) && this.personas[0]) {
      setStorage(DEV_OPENID_KEY, this.personas[0].openid);
    }
    this.renderPersonas();
  }

  startOutbox(): void {
    window.addEventListener(API_EVENT, () => this.scheduleRefresh(150));
    setInterval(() => this.scheduleRefresh(0), OUTBOX_POLL_MS);
    this.scheduleRefresh(0);
  }

  /** 标准 / 大 / 特大: the fontSizeSetting the pages read (wx.ts); the current page reopens at the new size. */
  renderTextSizes(reopen: () => void): void {
    const current = Number(localStorage.getItem(FONT_SIZE_KEY)) || PREVIEW_TEXT_SIZES[0].fontSizeSetting;
    const buttons = PREVIEW_TEXT_SIZES.map((size) => {
      const button = el('button', 'pv-text-size', size.label);
      button.type = 'button';
      button.dataset.size = size.key;
      button.setAttribute('aria-pressed', String(size.fontSizeSetting === current));
      button.addEventListener('click', () => {
        localStorage.setItem(FONT_SIZE_KEY, String(size.fontSizeSetting));
        this.renderTextSizes(reopen);
        reopen();
      });
      return button;
    });
    byId('pv-text-sizes').replaceChildren(...buttons);
  }

  choose(openid: string, page?: string): void {
    setStorage(DEV_OPENID_KEY, openid);
    this.renderPersonas();
    this.relaunch(page);
    this.scheduleRefresh(0);
  }

  private renderPersonas(): void {
    const current = this.currentOpenid;
    const items = this.personas.map((p) => {
      const button = el('button', 'pv-persona');
      button.type = 'button';
      button.dataset.openid = p.openid;
      button.setAttribute('aria-pressed', String(p.openid === current));
      const head = el('div', 'pv-persona-head');
      head.append(el('span', 'pv-persona-name', p.name), el('span', 'pv-role', ROLE_LABELS[p.role]));
      button.append(head, el('div', 'pv-persona-note', p.note));
      button.addEventListener('click', () => this.choose(p.openid));
      const li = el('li', '');
      li.append(button);
      return li;
    });
    byId('pv-persona-list').replaceChildren(...items);
  }

  private scheduleRefresh(delay: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refreshOutbox(), delay);
  }

  private async refreshOutbox(): Promise<void> {
    let notices: Notice[];
    try {
      const data = await getJson('/api/dev/outbox');
      notices = Array.isArray(data) ? data.filter(isNotice) : [];
    } catch {
      return; // the panel keeps its last state; the next poll retries
    }
    const key = notices.map((n) => `${n._id}:${n.status}`).join('|');
    if (key === this.lastOutbox) return;
    this.lastOutbox = key;
    this.renderOutbox(notices);
  }

  private renderOutbox(notices: Notice[]): void {
    const count = byId('pv-outbox-count');
    count.textContent = String(notices.length);
    count.classList.toggle('pv-has', notices.length > 0);
    const items = notices.map((n) => this.noticeItem(n));
    byId('pv-outbox-list').replaceChildren(...(items.length > 0 ? items : [el('li', 'pv-empty', '暂无通知')]));
    notices.forEach((n) => this.seen.add(n._id));
  }

  private noticeItem(n: Notice): HTMLLIElement {
    const li = el('li', `pv-notice${this.seen.has(n._id) || this.seen.size === 0 ? '' : ' pv-new'}`);
    li.dataset.to = n.toOpenid;
    const to = this.personas.find((p) => p.openid === n.toOpenid);
    const meta = el('div', 'pv-notice-meta');
    meta.append(
      el('span', 'pv-notice-to', `发给：${to?.name ?? n.toOpenid}`),
      el('time', '', TIME.format(new Date(n.createdAt))),
    );
    const state = el('div', `pv-notice-state pv-state-${n.status}`, deliveryText(n));
    li.append(el('div', 'pv-notice-title', n.title), el('div', 'pv-notice-body', n.body), state, meta);
    return li;
  }
}
