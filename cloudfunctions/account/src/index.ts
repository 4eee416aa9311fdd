/** Production entry of the `account` function: the router behind the platform's identity. */
import { createProductionMain } from '../../_lib/production';
import { router } from './router';

export const main = createProductionMain(router);
