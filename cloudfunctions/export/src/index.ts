/** Production entry of the `export` function: the heavy Word/Excel libraries live here alone, with a longer timeout. */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
