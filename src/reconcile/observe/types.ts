// What each step observes on the host before planning.

export interface NetworkHave {
  bridgeExists: boolean;
  /** The bridge's IFF_UP flag. */
  bridgeUp: boolean;
  /** `sysctl -n net.inet.ip.forwarding` ("1" routes between the agent subnets and out). */
  forwarding: string | undefined;
  /** IPv4 CIDRs on the bridge, primary first. */
  addresses: string[];
  /** rc.conf variables (`sysrc -a`). */
  rc: Record<string, string>;
}

export interface PfHave {
  /** The managed file's current content (undefined when absent). */
  content: string | undefined;
  /** pf.conf's content, to check that it includes the file or declares the anchor. */
  conf: string | undefined;
  /** The kernel's NAT rules as `pfctl -sn` (or `-a ANCHOR -sn`) prints them. */
  nat: string[];
  /** pf is enabled (`pfctl -s info` says "Status: Enabled"). */
  enabled: boolean;
  /** rc.conf (`sysrc -a`). */
  rc: Record<string, string>;
}

export interface JailsHave {
  jails: { name: string; state: string; ip: string | undefined; running: boolean }[];
  /** What `bastille --version` printed (undefined: Bastille is not installed). */
  version: string | undefined;
  /** Bootstrapped releases (`bastille list releases`), possibly with a patch level. */
  releases: string[];
  /** /etc/devfs.rules, where Bastille's VNET ruleset (bastille_vnet=13) lives. */
  devfsRules: string | undefined;
  rc: Record<string, string>;
}

export interface DatabaseHave {
  roles: string[];
  databases: string[];
}

export interface ServiceHave {
  rc: Record<string, string>;
  services: { service: string; rcContent: string | undefined; envContent: string | undefined; running: boolean; baseScript: boolean }[];
}

export interface Have {
  network: NetworkHave;
  pf: PfHave;
  jails: JailsHave;
  database: DatabaseHave;
  service: ServiceHave;
}
