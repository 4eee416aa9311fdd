/** Page paths and query strings as the mini-program's navigation APIs treat them. Pure, so it is unit-testable. */

export type Query = Record<string, string>;

/** `a/./b/../c` → `a/c`, without a leading slash. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** `url` as in wx.navigateTo: absolute (`/pages/x/index?a=1`) or relative to the current page. WeChat leaves values undecoded. */
export function parseUrl(url: string, from: string | null): { route: string; query: Query } {
  const [path, search = ''] = url.split('?', 2);
  const base = from && !path.startsWith('/') ? `${from.split('/').slice(0, -1).join('/')}/` : '';
  const query: Query = {};
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    query[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return { route: normalizePath(base + path), query };
}
