/**
 * Where the ID number and phone of a self-nomination wait on the phone between
 * visits: never in the server draft (R9, data minimisation), removed once the
 * nomination is submitted or the consent refused.
 */
const PERSONAL_KEY = 'hqn.selfNomination.personal';

export function readPersonal(): { idNumber?: unknown; phone?: unknown } | null {
  const saved: unknown = wx.getStorageSync(PERSONAL_KEY);
  return typeof saved === 'object' && saved !== null ? saved : null;
}

export function keepPersonal(value: { idNumber: string; phone: string }): void {
  wx.setStorageSync(PERSONAL_KEY, { idNumber: value.idNumber, phone: value.phone });
}

export function forgetPersonal(): void {
  wx.removeStorageSync(PERSONAL_KEY);
}
