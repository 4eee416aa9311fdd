/** Production entry of the `services` function: service requests, offers and participation (issue 12). */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
