/** App entry: initialises the cloud SDK unless the app runs against the local dev server. */
import { DEV_SERVER_KEY } from './services/cloud';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    const local: unknown = wx.getStorageSync(DEV_SERVER_KEY);
    if (!local && wx.cloud) wx.cloud.init({ traceUser: true });
  },
});
