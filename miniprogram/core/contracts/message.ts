/**
 * The `message` function (issue 10): the message centre (消息中心), the grant
 * ledger of one-time subscriptions, the sender and its delivery figures.
 */
import * as z from 'zod/mini';
import {
  MAX_TEMPLATES_PER_REQUEST,
  SUBSCRIBE_MOMENT_NAMES,
  type Audience,
  type NotificationKind,
} from '../notifications';
import { id, page, pageSize, type Paged } from './common';
import { action, defineContract } from './define';

export interface MessageView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** The page it is about, as `wx.navigateTo` takes it (leading slash). */
  url: string;
  createdAt: string;
  read: boolean;
}

export interface DeliveryRow {
  kind: NotificationKind;
  label: string;
  audience: Audience;
  /** Delivered by WeChat / in the message centre only / WeChat refused the request / not yet sent. */
  sent: number;
  inAppOnly: number;
  failed: number;
  pending: number;
}

export interface DrainView {
  sent: number;
  inAppOnly: number;
  failed: number;
  recovered: number;
  skipped: number;
}

/** What `wx.requestSubscribeMessage` answers per template id. */
const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;

export const RecordGrantsInput = z.strictObject({
  results: z
    .array(
      z.strictObject({
        templateId: z.string().check(z.minLength(1), z.maxLength(64)),
        result: z.enum(SUBSCRIBE_RESULTS),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_TEMPLATES_PER_REQUEST)),
});

const CADRES = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;

export const messageContract = defineContract('message', {
  /** The caller's messages, newest first, with the unread count. */
  list: action<Paged<MessageView> & { unread: number }>()({
    input: z.strictObject({ page, pageSize }),
    access: 'identified',
    write: false,
    errors: [],
  }),
  unreadCount: action<{ unread: number }>()({
    input: z.strictObject({}),
    access: 'identified',
    write: false,
    errors: [],
  }),
  markRead: action<{ marked: number }>()({
    input: z.strictObject({ messageId: id }),
    access: 'identified',
    write: true,
    errors: ['MESSAGE.NOT_FOUND'],
  }),
  /** Up to 100 at a time; `remaining` says whether to call again. */
  markAllRead: action<{ marked: number; remaining: boolean }>()({
    input: z.strictObject({}),
    access: 'identified',
    write: true,
    errors: [],
  }),
  /** The template ids a moment asks to subscribe to (those configured; at most three). */
  subscribeTemplates: action<{ templateIds: string[] }>()({
    input: z.strictObject({ moment: z.enum(SUBSCRIBE_MOMENT_NAMES as [string, ...string[]]) }),
    access: 'identified',
    write: false,
    errors: [],
  }),
  /** What `wx.requestSubscribeMessage` answered: each accepted template becomes one grant. */
  recordGrants: action<{ recorded: number }>()({
    input: RecordGrantsInput,
    access: 'identified',
    write: true,
    errors: ['MESSAGE.UNKNOWN_TEMPLATE', 'MESSAGE.GRANT_LIMIT'],
  }),
  /** Per kind: delivered by WeChat, in the app only, failed. */
  deliveryStats: action<{ rows: DeliveryRow[] }>()({
    input: z.strictObject({}),
    access: CADRES,
    write: false,
    errors: [],
  }),
  /** The sender by hand (a city admin; the preview). */
  drain: action<DrainView>()({
    input: z.strictObject({}),
    access: ['cityAdmin'],
    write: false,
    errors: [],
  }),
  /** The sender on the platform's timer. */
  drainOutbox: action<DrainView>()({
    input: z.strictObject({}),
    access: 'system',
    write: false,
    errors: [],
  }),
});

export type MessageContract = typeof messageContract;
