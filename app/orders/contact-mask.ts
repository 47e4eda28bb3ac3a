/**
 * The buyer's phone number as a page reached by a bearer link shows it: 138****5678, as Chinese
 * shops do. Such links get forwarded (to a colleague, into a group chat); the buyer recognises
 * their own number, a stranger learns nothing to call. The cooperative that must call the buyer
 * sees the full number in its portal.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `****${digits.slice(-2)}`;
}
