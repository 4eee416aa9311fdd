import { noticeContract } from '../../../miniprogram/core/contracts/admin';
import { defineRouter } from '../../_lib/router';
import { list } from './actions/list';
import { object } from './actions/object';

export const router = defineRouter(noticeContract, { list, object });
