/** Production entry of the `nomination` function: the router behind the platform's identity. */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
