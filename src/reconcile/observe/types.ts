// What each step observes on the host before planning.

export interface NetworkHave {
  bridgeExists: boolean;
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
}

export interface JailsHave {
  jails: { name: string; state: string; ip: string | undefined; running: boolean }[];
}

export interface DatabaseHave {
  roles: string[];
  databases: string[];
}

export interface ServiceHave {
  rc: Record<string, string>;
  services: { service: string; rcContent: string | undefined; envContent: string | undefined; running: boolean }[];
}

export interface Have {
  network: NetworkHave;
  pf: PfHave;
  jails: JailsHave;
  database: DatabaseHave;
  service: ServiceHave;
}
