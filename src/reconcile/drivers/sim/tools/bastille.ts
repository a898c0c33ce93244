// Bastille's argument and name rules per version, from BastilleBSD/bastille at tags
// 0.14.20250420, 1.0.20250714, 1.1.0.251001 and 1.4.4 (usr/local/bin/bastille and
// usr/local/share/bastille/{create,destroy,list,bootstrap}.sh):
// - `--version` prints on stdout, from 1.4.0 on stderr (`info 1` writes to fd 2);
// - create: -g/--gateway from 1.0; VNET names: letters, digits, - and _ (not first), not only
//   digits, and from 1.1 no - or _; 1.1–1.3 refuse a name whose shortened epair collides;
//   1.4 refuses an existing name first; -B needs an existing bridge; the release must be
//   bootstrapped; create starts the jail;
// - destroy: from 1.0 asks "Are you sure you want to continue? [y|n]:" on stdin unless -y, and
//   refuses a running jail unless -a; combined flags (-ay) are split like destroy.sh does;
// - list, list -j (see bastille-list.ts), list release(s), bootstrap RELEASE.
import { epairOf } from "../../../../config/agent/jail-name.js";
import type { SimState } from "../state.js";
import { bastilleJson, bastilleTable } from "./bastille-list.js";
import { atLeast, type BastilleVersion, bastilleVersionOf } from "../../../observe/parse/bastille-version.js";
import { CIDR, fail, IPV4, ok, type Tool, type ToolEnv } from "./types.js";

const RELEASE = /^\d+\.\d+-(RELEASE|STABLE|CURRENT|BETA\d*|RC\d*)$/;

function usage(cmd: string): ReturnType<typeof fail> {
  return fail(`Usage: bastille ${cmd} [option(s)] …`);
}

function create(rest: string[], s: SimState, v: BastilleVersion): ReturnType<typeof fail> {
  const e = (m: string) => fail(atLeast(v, 1, 0) ? `[ERROR]: ${m}` : m);
  let bridge = false;
  let vnet = false;
  let gateway: string | undefined;
  let i = 0;
  for (; i < rest.length && rest[i]!.startsWith("-"); i++) {
    const o = rest[i]!;
    if (o === "-B" || o === "--bridge") bridge = true;
    else if (o === "-V" || o === "--vnet") vnet = true;
    else if ((o === "-g" || o === "--gateway" || o === "--defaultrouter") && atLeast(v, 1, 0)) {
      gateway = rest[++i];
      if (gateway === undefined || !IPV4.test(gateway)) return e(`Not a valid gateway: ${gateway ?? ""}`);
    } else if (o === "-T" || o === "--thick" || o === "-C" || o === "--clone") continue;
    else return e(`Unknown Option: "${o}"`);
  }
  const pos = rest.slice(i);
  if (pos.length < 3 || pos.length > 4) return usage("create");
  const [name, release, ip, iface] = pos as [string, string, string, string | undefined];
  const isVnet = bridge || vnet;
  if (atLeast(v, 1, 4) && s.jails[name]) return e(`Jail already exists: ${name}`);
  const sanity = name.replace(/[^a-zA-Z0-9_-]/g, "");
  if (/^[-_]/.test(sanity)) return e("Jail names may not begin with (-|_) characters!");
  if (atLeast(v, 1, 1) && isVnet && /[-_]/.test(name)) return e("VNET jail names may not contain (-|_) characters.");
  if (name !== sanity) return e("Jail names may not contain special characters!");
  if (/^[0-9]+$/.test(name)) return e("Jail names may not contain only digits.");
  if (atLeast(v, 1, 1) && !atLeast(v, 1, 4) && isVnet && `e0a_${name}`.length >= 16) {
    if (Object.keys(s.jails).some((j) => epairOf(j) === epairOf(name))) return e("The jail name causes a collision with the epair interface naming. See documentation for details.");
  }
  const m = CIDR.exec(ip);
  if (!m || !IPV4.test(m[1]!)) return e(`Unsupported IP option for VNET jail: ${ip}`);
  if (isVnet && iface === undefined) return e("Network interface not set.");
  if (bridge) {
    const dev = iface ? s.interfaces[iface] : undefined;
    if (!dev && atLeast(v, 1, 1)) return e(`Interface does not exist: ${iface}`);
    if (!dev?.bridge) return e(`Interface is not a bridge: ${iface}`);
  }
  if (!RELEASE.test(release)) return fail("Unknown Release.");
  if (!s.bastille.releases.includes(release)) return fail(atLeast(v, 1, 0) ? "[ERROR]: Release must be bootstrapped first.\nSee 'bastille bootstrap'." : "Release must be bootstrapped first; see 'bastille bootstrap'.");
  if (s.jails[name]) return e(`Jail already exists: ${name}`);
  if (s.fail.includes("bastille-create")) return e(`Failed to create jail: ${name}`);
  if (Object.values(s.jails).some((j) => j.ip.split("/")[0] === m[1])) return e(`IP address already in use: ${m[1]}`);
  s.jails[name] = { ip, gateway: gateway ?? "", release, bridge: iface ?? "", jid: s.nextJid++ };
  return ok(`Creating a thinjail...\n\n[${name}]:\n${name}: created\n`, true);
}

function destroy(rest: string[], env: ToolEnv, v: BastilleVersion): ReturnType<typeof fail> {
  const s = env.state;
  let auto = false;
  let yes = !atLeast(v, 1, 0);
  let i = 0;
  for (; i < rest.length && rest[i]!.startsWith("-"); i++) {
    const o = rest[i]!;
    if (o === "-a" || o === "--auto") auto = true;
    else if (o === "-y" || o === "--yes") yes = true;
    else if (o === "-f" || o === "--force" || o === "-c" || o === "--no-cache") continue;
    else if (/^-[acfyx]+$/.test(o)) {
      auto ||= o.includes("a");
      yes ||= o.includes("y");
    } else return fail(`[ERROR]: Unknown Option: "${o}"`);
  }
  const pos = rest.slice(i);
  if (pos.length !== 1) return usage("destroy");
  const name = pos[0]!;
  const j = s.jails[name];
  if (!j) return fail(`[ERROR]: Jail not found: ${name}`);
  let out = "";
  if (j.jid !== undefined) {
    if (!auto) return fail(`\n[${name}]:\nJail is running.\nUse [-a|--auto] to auto-stop the jail.`);
    j.jid = undefined;
    out += `[${name}]:\n${name}: removed\n`;
  }
  if (!yes) {
    const answer = env.readStdin().split("\n")[0]!.trim();
    if (/^(n|no)$/i.test(answer)) return fail("[ERROR]: Cancelled by user.");
    if (!/^(y|yes)$/i.test(answer)) return fail("[ERROR]: Invalid input. Please answer 'y' or 'n'.");
  }
  delete s.jails[name];
  return ok(`${out}\n[${name}]:\nDestroying jail...\n`, true);
}

export const bastille: Tool = (args, env) => {
  const s = env.state;
  const v = bastilleVersionOf(s.bastille.version) ?? { major: 1, minor: 4, dev: false };
  const [cmd, ...rest] = args;
  if (cmd === "version" || cmd === "-v" || cmd === "--version") {
    const line = `${s.bastille.version.replace(/-dev$/, "")}\n`;
    return atLeast(v, 1, 4) ? { exitCode: 0, stdout: "", stderr: line } : ok(line);
  }
  switch (cmd) {
    case "list": {
      const json = rest.includes("-j") || rest.includes("--json");
      const sub = rest.filter((a) => a !== "-j" && a !== "--json");
      if (sub.length === 0) return ok(json ? bastilleJson(s, v) : bastilleTable(s, v));
      // 1.4 lists releases with their patch level (list_release "-p"), earlier ones by directory name.
      if (sub[0] === "release" || sub[0] === "releases") return ok(s.bastille.releases.map((r) => `${r}${atLeast(v, 1, 4) ? "-p2" : ""}\n`).join(""));
      if (sub[0] === "jail" || sub[0] === "jails") return ok(Object.keys(s.jails).sort().map((n) => `${n}\n`).join(""));
      return usage("list");
    }
    case "create":
      return create(rest, s, v);
    case "destroy":
      return destroy(rest, env, v);
    case "bootstrap": {
      const release = rest[0];
      if (rest.length !== 1 || !release || !RELEASE.test(release)) return usage("bootstrap");
      if (!s.bastille.releases.includes(release)) s.bastille.releases.push(release);
      return ok(`Bootstrapping ${release}...\n`, true);
    }
    case "start":
    case "stop": {
      if (rest.length !== 1) return usage(cmd);
      const j = s.jails[rest[0]!];
      if (!j) return fail(`[ERROR]: Jail not found: ${rest[0]}`);
      if (cmd === "start") {
        if (j.jid !== undefined) return fail(`[ERROR]: Jail already running: ${rest[0]}`);
        j.jid = s.nextJid++;
      } else {
        if (j.jid === undefined) return fail(`[ERROR]: Jail is not running: ${rest[0]}`);
        j.jid = undefined;
      }
      return ok(`[${rest[0]}]:\n${rest[0]}: ${cmd === "start" ? "created" : "removed"}\n`, true);
    }
    default:
      return fail(`Usage: bastille command TARGET [args]\nUnknown command: ${cmd ?? ""}`);
  }
};
