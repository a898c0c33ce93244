// Parses jls(8)'s default table: "   JID  IP Address      Hostname                      Path"
// printed as "%6d  %-15.15s %-29.29s %.74s" (the IP column is blank for VNET jails).

export interface JlsRow {
  jid: number;
  ip: string | undefined;
  hostname: string;
  path: string;
  /** The jail name Bastille gives it: the directory above `root` under .../jails/. */
  name: string;
}

/** One row per running jail. */
export function parseJls(text: string): JlsRow[] {
  const rows: JlsRow[] = [];
  for (const line of text.split("\n")) {
    if (!/^\s*\d+\s/.test(line)) continue;
    const jid = Number(line.slice(0, 6).trim());
    const ip = line.slice(8, 23).trim() || undefined;
    const hostname = line.slice(24, 53).trim();
    const path = line.slice(54).trim();
    const m = /\/jails\/([^/]+)\/root$/.exec(path);
    rows.push({ jid, ip, hostname, path, name: m ? m[1]! : hostname });
  }
  return rows;
}
