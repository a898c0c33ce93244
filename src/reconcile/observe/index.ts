// observe: read the host through the driver and parse what the tools print (parsers are pure).
import type { Step } from "../actions.js";
import type { Driver } from "../drivers/types.js";
import type { Want } from "../want.js";
import { parseBastilleList } from "./parse/bastille.js";
import { parseIfconfig } from "./parse/ifconfig.js";
import { parseJls } from "./parse/jls.js";
import { parseServiceStatus } from "./parse/service.js";
import { parseSysrcAll } from "./parse/sysrc.js";
import type { DatabaseHave, Have, JailsHave, NetworkHave, PfHave, ServiceHave } from "./types.js";

/** Bridge state from `ifconfig BRIDGE` and rc.conf from `sysrc -a`. */
export async function observeNetwork(d: Driver, want: Want): Promise<NetworkHave> {
  const ifc = await d.read(["ifconfig", want.network.bridge]);
  const info = ifc.exitCode === 0 ? parseIfconfig(ifc.stdout) : undefined;
  const rc = parseSysrcAll((await d.read(["sysrc", "-a"])).stdout);
  return { bridgeExists: info !== undefined, addresses: info?.inet ?? [], rc };
}

/** The managed pf file and pf.conf. */
export async function observePf(d: Driver, want: Want): Promise<PfHave> {
  return { content: await d.readFile(want.pf.file.path), conf: await d.readFile(want.pf.conf) };
}

/** Every Bastille jail (`bastille list`) and which are running (`jls`). */
export async function observeJails(d: Driver): Promise<JailsHave> {
  const list = await d.read(["bastille", "list"]);
  const running = new Set(parseJls((await d.read(["jls"])).stdout).map((r) => r.name));
  const jails = parseBastilleList(list.stdout).map((j) => ({ name: j.name, state: j.state, ip: j.ip, running: running.has(j.name) }));
  return { jails };
}

/** Which of the agents' roles and databases exist. */
export async function observeDatabase(d: Driver, want: Want): Promise<DatabaseHave> {
  if (want.database.length === 0) return { roles: [], databases: [] };
  return d.db.observe(
    want.database.map((x) => x.role),
    want.database.flatMap((x) => x.databases),
  );
}

/** rc.d scripts, project .env files, rc.conf and `service NAME onestatus`. */
export async function observeService(d: Driver, want: Want): Promise<ServiceHave> {
  const rc = parseSysrcAll((await d.read(["sysrc", "-a"])).stdout);
  const services = [];
  for (const s of want.services) {
    const rcContent = await d.readFile(s.rc.path);
    const envContent = await d.readFile(s.env.path);
    let running = false;
    if (rcContent !== undefined) {
      const st = await d.read(["service", s.service, "onestatus"]);
      running = parseServiceStatus(s.service, `${st.stdout}\n${st.stderr}`).running;
    }
    services.push({ service: s.service, rcContent, envContent, running });
  }
  return { rc, services };
}

/** Observes one step. */
export async function observeStep(step: Step, d: Driver, want: Want): Promise<Have[Step]> {
  switch (step) {
    case "network":
      return observeNetwork(d, want);
    case "pf":
      return observePf(d, want);
    case "jails":
      return observeJails(d);
    case "database":
      return observeDatabase(d, want);
    case "service":
      return observeService(d, want);
  }
}
