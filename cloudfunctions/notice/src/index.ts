/** Production entry of the `notice` function: the public notice (公示) and objections. */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
