/** Production entry of the `admin` function: the cadres' quotas, dashboards, rosters, filing and objections. */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
