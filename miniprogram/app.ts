/** App entry: initialises the cloud SDK unless the app runs against the local dev server. */
import { initCloud } from './services/cloud';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    initCloud();
  },
});
