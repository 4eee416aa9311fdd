/** Production entry of the `cultivation` function: the cultivation ledger and Party recommendation (issue 13). */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
