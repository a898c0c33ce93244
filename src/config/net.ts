// IPv4 helpers for agent subnets: a /24 is named by its three-octet base ("10.0.1").

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const BASE_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}$`);
const IP_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/** True for three dotted decimal octets without leading zeros. */
export function isSubnetBase(text: string): boolean {
  return BASE_RE.test(text);
}

/** True for a dotted-quad IPv4 address without leading zeros. */
export function isIpv4(text: string): boolean {
  return IP_RE.test(text);
}

/** RFC 1918 private ranges: 10/8, 172.16/12, 192.168/16. */
export function isPrivateBase(base: string): boolean {
  const [a, b] = base.split(".").map(Number) as [number, number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The /24 base of an address ("10.0.1.5" → "10.0.1"). */
export function baseOf(ip: string): string {
  return ip.split(".").slice(0, 3).join(".");
}

/** The last octet of an address. */
export function hostOctet(ip: string): number {
  return Number(ip.split(".")[3]);
}
