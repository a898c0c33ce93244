// Parses `bastille list` (Bastille 0.14–1.4.4: JID Name Boot Prio State Type IP Address … columns,
// the development branch: the same in capitals;
// "-" marks an empty cell, further IPs of a jail continue on indented lines).

export interface BastilleJail {
  name: string;
  jid: number | undefined;
  state: string;
  /** The first IPv4 address shown, without a prefix length. */
  ip: string | undefined;
  release: string | undefined;
}

/** Rows of the table; lines that are not jail rows are skipped. */
export function parseBastilleList(text: string): BastilleJail[] {
  const lines = text.split("\n");
  const header = lines.findIndex((l) => /^\s*JID\s+Name\s+/i.test(l));
  if (header < 0) return [];
  const jails: BastilleJail[] = [];
  for (const line of lines.slice(header + 1)) {
    const f = line.trim().split(/\s+/);
    // JID Name Boot Prio State Type IP Ports Release Tags
    if (f.length < 7 || !/^(\d+|-)$/.test(f[0]!)) continue;
    const [jid, name, , , state, , ip, , release] = f as string[];
    jails.push({
      name: name!,
      jid: jid === "-" ? undefined : Number(jid),
      state: state!,
      ip: ip && ip !== "-" ? ip.replace(/\/\d+$/, "") : undefined,
      release: release && release !== "-" ? release : undefined,
    });
  }
  return jails;
}
