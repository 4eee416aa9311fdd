/** Production entry of the `mentoring` function: the mentor service group and matching (issue 11). */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
