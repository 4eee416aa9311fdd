/** Keys shared by raising an objection (notice) and disposing of it (admin). */

/** R8 one open objection per person and youth: the counter under this key is 1 while it is open. */
export function openObjectionKey(nominationId: string, openid: string): string {
  return `objection-open:${nominationId}:${openid}`;
}
