// Plans are data: the typed actions of the five reconcile steps (a union on `kind`),
// and the pure function that spells each one as the exact FreeBSD command.

export const STEPS = ["network", "pf", "jails", "database", "service"] as const;
export type Step = (typeof STEPS)[number];

interface Base {
  step: Step;
  summary: string;
  agent?: string;
}

export type Action = Base &
  (
    | { kind: "bridge.create"; bridge: string }
    | { kind: "bridge.up"; bridge: string }
    | { kind: "sysctl.set"; name: string; value: string }
    | { kind: "address.add"; bridge: string; cidr: string; alias: boolean }
    | { kind: "address.remove"; bridge: string; cidr: string }
    | { kind: "rc.set"; name: string; value: string }
    | { kind: "rc.append"; name: string; value: string }
    | { kind: "rc.unset"; name: string }
    | { kind: "file.write"; path: string; content: string; hash: string; mode: number }
    | { kind: "pf.check"; file: string; anchor?: string }
    | { kind: "pf.load"; file: string; anchor?: string }
    | { kind: "pf.start" }
    | { kind: "jail.create"; name: string; release: string; ip: string; gateway: string; bridge: string }
    | { kind: "jail.start"; name: string }
    | { kind: "jail.stop"; name: string }
    | { kind: "jail.destroy"; name: string }
    | { kind: "db.role.create"; role: string }
    | { kind: "db.database.create"; database: string; owner: string }
    | { kind: "service.start"; service: string }
    | { kind: "service.restart"; service: string }
  );

export type ActionKind = Action["kind"];
export type ActionOf<K extends ActionKind> = Extract<Action, { kind: K }>;

/** The exact command an action runs, or undefined for file writes and SQL (which carry path/hash or SQL). */
export function argvOf(a: Action): string[] | undefined {
  switch (a.kind) {
    case "bridge.create":
      return ["ifconfig", "bridge", "create", "name", a.bridge];
    case "bridge.up":
      return ["ifconfig", a.bridge, "up"];
    case "sysctl.set":
      return ["sysctl", `${a.name}=${a.value}`];
    case "address.add":
      return a.alias ? ["ifconfig", a.bridge, "inet", a.cidr, "alias"] : ["ifconfig", a.bridge, "inet", a.cidr];
    case "address.remove":
      return ["ifconfig", a.bridge, "inet", a.cidr.split("/")[0]!, "-alias"];
    case "rc.set":
      return ["sysrc", `${a.name}=${a.value}`];
    case "rc.append":
      return ["sysrc", `${a.name}+=${a.value}`];
    case "rc.unset":
      return ["sysrc", "-x", a.name];
    case "pf.check":
      return a.anchor ? ["pfctl", "-a", a.anchor, "-nf", a.file] : ["pfctl", "-nf", a.file];
    case "pf.load":
      return a.anchor ? ["pfctl", "-a", a.anchor, "-f", a.file] : ["pfctl", "-f", a.file];
    // rc.d/pf start: flush, load pf_rules, enable. Never restart (it drops every state).
    case "pf.start":
      return ["service", "pf", "start"];
    case "jail.create":
      return ["bastille", "create", "-B", "-g", a.gateway, a.name, a.release, `${a.ip}/24`, a.bridge];
    case "jail.start":
      return ["bastille", "start", a.name];
    case "jail.stop":
      return ["bastille", "stop", a.name];
    // -a stops it if running, -y answers the confirmation Bastille asks for since 1.0 (destroy.sh).
    case "jail.destroy":
      return ["bastille", "destroy", "-a", "-y", a.name];
    case "service.start":
      return ["service", a.service, "onestart"];
    case "service.restart":
      return ["service", a.service, "restart"];
    case "file.write":
    case "db.role.create":
    case "db.database.create":
      return undefined;
  }
}
