/** Production entry of the `registry` function: the youth database over time (issue 14). */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
