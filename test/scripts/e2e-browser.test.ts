/** The README's two commands on a fresh machine: the e2e tests find a browser, or say at once how to get one. */
import { findChromium, INSTALL_HINT } from '../../scripts/e2e-browser';

const none = async () => null;

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that does not exist with the command to run', async () => {
    const exists = (p: string) => p === '/opt/chrome' || p === '/usr/bin/chromium';
    await expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, exists, none)).resolves.toEqual({
      path: '/opt/chrome',
      source: 'CHROMIUM_PATH',
    });
    await expect(findChromium({ CHROMIUM_PATH: '/nope' }, exists, none)).rejects.toThrow(INSTALL_HINT);
  });

  it('then a system Chromium or Chrome', async () => {
    const exists = (p: string) => p === '/usr/bin/google-chrome';
    await expect(findChromium({}, exists, none)).resolves.toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
  });

  it('then the Chromium shipped in the npm package, when no system browser is installed', async () => {
    const exists = (p: string) => p === '/tmp/chromium';
    await expect(findChromium({}, exists, async () => '/tmp/chromium')).resolves.toEqual({
      path: '/tmp/chromium',
      source: 'npm package',
    });
  });

  it('otherwise stops with the single command to run', async () => {
    await expect(findChromium({}, () => false, none)).rejects.toThrow(
      'No Chromium for the end-to-end tests. Run:\n  sudo apt-get install -y chromium fonts-noto-cjk',
    );
  });
});
