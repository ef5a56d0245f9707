/**
 * Whether a `trusted_ips` entry is one the API takes: an IPv4 or IPv6 address, or a CIDR
 * range of one (`203.0.113.0/24`, `2001:db8::/32`). It follows the API's own rule (Node's
 * `isIP`, no IPv6 zone, a prefix without leading zeros), so the form refuses what the API
 * would and nothing more.
 */
export function isTrustedIpEntry(entry: string): boolean {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  if (rest.length > 0) return false;
  const maxPrefix = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
  if (maxPrefix === 0) return false;
  if (prefixText === undefined) return true;
  return /^(0|[1-9]\d{0,2})$/.test(prefixText) && Number(prefixText) <= maxPrefix;
}

/** The message the form shows at an entry, or null when it is valid. */
export function trustedIpProblem(entry: string): string | null {
  if (entry.trim() === '') return 'Enter an address or a range, or remove this line';
  return isTrustedIpEntry(entry)
    ? null
    : 'Not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.7 or 2001:db8::/32)';
}

/** Trimmed, lower-cased, without repeats, in the order given: how the API stores the list. */
export function normaliseTrustedIps(entries: readonly string[]): string[] {
  return [...new Set(entries.map((entry) => entry.trim().toLowerCase()))];
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIPv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((part) => OCTET.test(part));
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function isIPv6(address: string): boolean {
  if (address.includes('%')) return false; // a zone names one machine's interface: meaningless in a rule
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  const last = groups.at(-1)?.at(-1);
  // An IPv4 address may end the address (`::ffff:192.0.2.1`) and stands for two groups.
  const embedsIPv4 = last !== undefined && last.includes('.');
  if (embedsIPv4 && !isIPv4(last)) return false;
  const hextets = embedsIPv4 ? all.slice(0, -1) : all;
  if (!hextets.every((group) => HEXTET.test(group))) return false;
  const count = hextets.length + (embedsIPv4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}
