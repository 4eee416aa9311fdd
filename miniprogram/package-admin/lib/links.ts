/** Links to files the server stored (the exported summary table). */
import { localServer } from '../../services/cloud';

/**
 * A file link the person can open elsewhere (copied to a computer): local mode
 * answers paths on the dev server, which in the browser preview is the page's
 * own origin.
 */
export function absoluteLink(url: string): string {
  if (!url.startsWith('/')) return url;
  const base = localServer();
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return `${base || origin || ''}${url}`;
}
