import { loadPage, openPage, textOf, useBridge } from '../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const HOME = loadPage('pages/home/index');

describe('home', () => {
  it('smoke', async () => {
    const page = await openPage(HOME, bridge);
    console.log(textOf(page));
    console.log(page.dom?.innerHTML.slice(0, 3000));
  });
});
