/**
 * Production entry of the `message` function: the message centre, the grant ledger and the sender. The only
 * function that sends subscribe messages (wx-server-sdk; `config.json` declares `subscribeMessage.send`), on
 * its timer (`drainOutbox`, cloudbaserc.json) and by a city admin's hand (`drain`).
 */
import { createProductionMain } from '../../_lib/production';
import { createWxServerSender } from '../../_lib/wechat-sdk';
import { router } from './router';

export const main = createProductionMain(router, createWxServerSender());
