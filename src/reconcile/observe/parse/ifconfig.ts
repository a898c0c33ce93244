// Parses `ifconfig NAME` output (FreeBSD): flags, IPv4 addresses as CIDR, and bridge members.

export interface IfconfigInfo {
  name: string;
  up: boolean;
  /** IPv4 addresses in order, the primary first, as `a.b.c.d/len`. */
  inet: string[];
  members: string[];
  groups: string[];
}

/** Netmask `0xffffff00` → prefix length 24. */
export function prefixOfHexMask(mask: string): number {
  const n = Number.parseInt(mask.replace(/^0x/, ""), 16);
  let bits = 0;
  for (let i = 31; i >= 0; i--) if ((n >>> i) & 1) bits++;
  return bits;
}

/** Returns undefined when the output holds no interface header. */
export function parseIfconfig(text: string): IfconfigInfo | undefined {
  const lines = text.split("\n");
  const head = /^([A-Za-z0-9_.]+): flags=[0-9a-f]+<([^>]*)>/.exec(lines[0] ?? "");
  if (!head) return undefined;
  const info: IfconfigInfo = { name: head[1]!, up: head[2]!.split(",").includes("UP"), inet: [], members: [], groups: [] };
  for (const line of lines.slice(1)) {
    const t = line.trim();
    const inet = /^inet (\d+\.\d+\.\d+\.\d+)(?:\s+-->\s+\S+)? netmask (0x[0-9a-f]+)/.exec(t);
    if (inet) info.inet.push(`${inet[1]}/${prefixOfHexMask(inet[2]!)}`);
    const member = /^member: (\S+) flags=/.exec(t);
    if (member) info.members.push(member[1]!);
    const groups = /^groups: (.*)$/.exec(t);
    if (groups) info.groups.push(...groups[1]!.split(/\s+/));
  }
  return info;
}
