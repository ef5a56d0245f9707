import { BlockList, isIP } from 'node:net';

/** An entry of `trusted_ips`: an address or a CIDR range, IPv4 or IPv6. */
export interface TrustedRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** How many entries `trusted_ips` may hold. */
export const TRUSTED_IPS_MAX = 100;

/**
 * Parses `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`; `null` when it is neither. An IPv6
 * zone (`fe80::1%eth0`) names an interface of one machine, which means nothing in an account's
 * rule, so it is refused too.
 */
export function parseTrustedIp(entry: string): TrustedRange | null {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  if (rest.length > 0 || address.includes('%')) return null;
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const maxPrefix = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: maxPrefix, family };
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= maxPrefix ? { address, prefix, family } : null;
}

/** The form an entry is stored in: trimmed and lower-cased (IPv6 hex digits); `null` when it is not valid. */
export function normaliseTrustedIp(entry: string): string | null {
  return parseTrustedIp(entry) === null ? null : entry.trim().toLowerCase();
}

/** Whether a client address is inside one of the entries; an empty list trusts everyone. */
export function isTrustedAddress(clientIp: string, entries: readonly string[]): boolean {
  return trustedAddressCheck(entries)(clientIp);
}

/**
 * The entries compiled once into a check of client addresses, for callers that check many
 * (the auth hook keeps one per token verdict instead of rebuilding it on every request).
 */
export function trustedAddressCheck(entries: readonly string[]): (clientIp: string) => boolean {
  if (entries.length === 0) return () => true;
  const list = new BlockList();
  for (const entry of entries) {
    const range = parseTrustedIp(entry);
    if (range !== null) list.addSubnet(range.address, range.prefix, range.family);
  }
  return (clientIp) => {
    // An IPv4 client reaching an IPv6 socket shows as ::ffff:a.b.c.d; compare it as IPv4 too.
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(clientIp)?.[1];
    if (mapped !== undefined && list.check(mapped, 'ipv4')) return true;
    const version = isIP(clientIp);
    return version !== 0 && list.check(clientIp, version === 4 ? 'ipv4' : 'ipv6');
  };
}
