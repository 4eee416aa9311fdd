/** Production entry of the `cron` function: timer triggers only (see cloudbaserc.json). */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
