/** The city's expertise list as the page edits it: one area a line. */
/** Lines → areas: trimmed, empty lines dropped, each at most 12 characters, no repeats. */
export function areasOf(text: string): { items: string[]; error: string } {
  const items = [
    ...new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length === 0) return { items, error: '请至少填写一个擅长领域' };
  if (items.length > 40) return { items, error: '擅长领域最多40项' };
  const long = items.find((i) => i.length > 12);
  return { items, error: long ? `“${long}”超过12个字，请精简` : '' };
}
