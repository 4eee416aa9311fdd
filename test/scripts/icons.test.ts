/**
 * Only the icons the app renders ship (scripts/icons.ts): the pruning itself, the search for names, and the
 * built icon.wxss (every copy, main package and subpackages) holding every icon the sources can ask for.
 * Needs `npm run build` (which `npm test` runs first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_WXSS, iconNames, iconsIn, pruneIconCss, usedIcons } from '../../scripts/icons';
import { packagesOf, readAppJson } from '../../scripts/mp-packages';

const ROOT = join(__dirname, '../..');
const MP = join(ROOT, 'miniprogram');
/** TDesign's complete list, as published. */
const FULL_CSS = readFileSync(join(ROOT, 'node_modules/tdesign-miniprogram/miniprogram_dist/icon/icon.wxss'), 'utf8');
const ALL = new Set(iconNames(FULL_CSS));

const SAMPLE = [
  "@import '../common/style/index.wxss';@font-face{font-family:t;src:url(https://example.com/t.woff) format('woff');}",
  '.t-icon-base{display:block;}',
  '.t-icon{font-family:t!important;}',
  ".t-icon-add:before{content:'\\E00D';}",
  ".t-icon-close:before{content:'\\E0A1';}",
  ".t-icon-check-circle-filled:before{content:'\\E0B0';}",
].join('\n');

/** Every copy of icon.wxss the build produced: the main package's and any subpackage's own. */
function shippedCopies(): string[] {
  return packagesOf(readAppJson(MP))
    .map((p) => join(MP, p.root ?? '', ICON_WXSS))
    .filter((f) => existsSync(f));
}

describe('icon subset', () => {
  it('reads the icon names an icon.wxss defines', () => {
    expect(iconNames(SAMPLE)).toEqual(['add', 'close', 'check-circle-filled']);
    expect(ALL.size).toBeGreaterThan(2000);
  });

  it('keeps the font face, the base rules and the listed icons, and nothing else', () => {
    const out = pruneIconCss(SAMPLE, new Set(['close']));
    expect(iconNames(out)).toEqual(['close']);
    expect(out).toContain('@font-face{font-family:t;');
    expect(out).toContain('.t-icon-base{display:block;}');
    expect(out).toContain('.t-icon{font-family:t!important;}');
    expect(out).toContain("@import '../common/style/index.wxss';");
    expect(pruneIconCss(out, new Set(['close']))).toBe(out);
  });

  it.each([
    ['a t-icon name', '<t-icon name="check-circle-filled" size="96rpx" />', ['check-circle-filled']],
    ['a component icon prop', '<t-empty icon="file" description="无" />', ['file']],
    ['a TDesign default', 'leftIcon:{type:String,value:"search"}', ['search']],
    ['a name chosen in an expression', "name=\"{{ok ? 'check' : 'close'}}\"", ['check', 'close']],
    [
      'a name built from a prefix',
      "name=\"{{'minus-' + icon + '-filled'}}\"",
      ['minus-circle', 'minus-circle-filled', 'minus-rectangle', 'minus-rectangle-filled'],
    ],
    ['words that are not icons', "const s = 'hello-world'; // close", []],
  ])('finds %s', (_case, text, expected) => {
    expect(iconsIn(text, ALL).sort()).toEqual(expected);
  });

  it('ships a small fraction of the icon list', () => {
    const [main] = shippedCopies();
    expect(main).toBe(join(MP, ICON_WXSS));
    const kept = iconNames(readFileSync(main, 'utf8'));
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(ALL.size / 10);
    expect(Buffer.byteLength(readFileSync(main))).toBeLessThan(10 * 1024);
  });

  it('ships, in every copy, every icon our pages and the TDesign components they render can ask for', () => {
    const used = usedIcons(MP, ALL);
    for (const copy of shippedCopies()) {
      const shipped = new Set(iconNames(readFileSync(copy, 'utf8')));
      const missing = [...used].filter(([name]) => !shipped.has(name)).map(([name, files]) => `${name} (${files[0]})`);
      expect(missing).toEqual([]);
    }
  });

  it.each([
    ['t-icon on the objection receipt', 'check-circle-filled'],
    ['t-empty icon="file" on empty lists', 'file'],
    ["t-checkbox icon=\"rectangle\" when checked (TDesign's 'check-' + icon + '-filled')", 'check-rectangle-filled'],
    ["t-search's default left icon", 'search'],
    ['the clear button of t-search and clearable t-input', 'close-circle-filled'],
    ['the arrow of a t-cell', 'chevron-right'],
    ['the success, warning and error toasts', 'check-circle'],
    ['the warning toast', 'error-circle'],
    ['the error toast', 'close-circle'],
  ])('keeps the icon of %s', (_where, name) => {
    for (const copy of shippedCopies()) expect(iconNames(readFileSync(copy, 'utf8'))).toContain(name);
  });
});
