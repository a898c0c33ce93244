// ifconfig(8) as FreeBSD 14 sbin/ifconfig prints and takes it (ifconfig.c, af_inet.c
// "inet %s netmask 0x%x broadcast %s", ifbridge.c member/id lines): show an interface,
// `bridge create [name N]`, `name N`, `up`/`down`, `inet A/len [alias]`, `inet A -alias`. Setting the
// first address marks the interface up (ifconfig(8) "up"); a missing one is "interface X does not exist".
import { CIDR, fail, IPV4, ok, type Tool, type ToolEnv } from "./types.js";

const IFNAME = /^[a-z][a-z0-9_.]{0,14}$/;

function maskHex(len: number): string {
  const n = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return `0x${n.toString(16).padStart(8, "0")}`;
}

function broadcast(ip: string, len: number): string {
  const n = ip.split(".").reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
  const b = (n | (len === 32 ? 0 : 0xffffffff >>> len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join(".");
}

/** The output FreeBSD 14 prints for `ifconfig NAME`. */
export function showInterface(name: string, env: ToolEnv): string {
  const i = env.state.interfaces[name]!;
  const lines = [
    i.up
      ? `${name}: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500`
      : `${name}: flags=8802<BROADCAST,SIMPLEX,MULTICAST> metric 0 mtu 1500`,
    "\toptions=0",
    `\tether ${i.ether}`,
    ...i.addresses.map((c) => {
      const [ip, len] = c.split("/") as [string, string];
      return `\tinet ${ip} netmask ${maskHex(Number(len))} broadcast ${broadcast(ip, Number(len))}`;
    }),
  ];
  if (i.bridge) {
    lines.push("\tid 58:9c:fc:10:ff:b6 priority 32768 hellotime 2 fwddelay 15", "\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200", "\troot id 58:9c:fc:10:ff:b6 priority 32768 ifcost 0 port 0");
    const members = Object.entries(env.state.jails).filter(([, j]) => j.bridge === name && j.jid !== undefined);
    for (const [n] of members) lines.push(`\tmember: e0b_${n.slice(0, 10)} flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>`, "\t        port 5 priority 128 path cost 2000");
    lines.push("\tgroups: bridge");
  }
  lines.push("\tnd6 options=9<PERFORMNUD,IFDISABLED>");
  return `${lines.join("\n")}\n`;
}

export const ifconfig: Tool = (args, env) => {
  const s = env.state;
  if (args.length === 0) return ok(Object.keys(s.interfaces).map((n) => showInterface(n, env)).join(""));
  const [name, ...rest] = args as [string, ...string[]];
  if (name === "bridge" && rest[0] === "create") {
    let n = 0;
    while (s.interfaces[`bridge${n}`]) n++;
    let created = `bridge${n}`;
    if (rest.length === 3 && rest[1] === "name") {
      const to = rest[2]!;
      if (!IFNAME.test(to)) return fail(`ifconfig: invalid interface name ${to}`);
      if (s.interfaces[to]) return fail("ifconfig: ioctl SIOCSIFNAME (set name): File exists");
      created = to;
    } else if (rest.length !== 1) return fail("ifconfig: create: bad arguments");
    s.interfaces[created] = { addresses: [], bridge: true, ether: "58:9c:fc:10:ff:b6", up: false };
    return ok(`${created}\n`, true);
  }
  const i = s.interfaces[name];
  if (!i) return fail(`ifconfig: interface ${name} does not exist`);
  if (rest.length === 0) return ok(showInterface(name, env));
  if ((rest[0] === "up" || rest[0] === "down") && rest.length === 1) {
    i.up = rest[0] === "up";
    return ok("", true);
  }
  if (rest[0] === "name" && rest.length === 2) {
    if (!IFNAME.test(rest[1]!)) return fail(`ifconfig: invalid interface name ${rest[1]}`);
    s.interfaces[rest[1]!] = i;
    delete s.interfaces[name];
    return ok(`${rest[1]}\n`, true);
  }
  if (rest[0] !== "inet" || rest.length < 2 || rest.length > 3) return fail(`ifconfig: bad arguments: ${rest.join(" ")}`);
  const addr = rest[1]!;
  const op = rest[2];
  if (op === "-alias") {
    if (!IPV4.test(addr)) return fail(`ifconfig: ${addr}: bad value`);
    const idx = i.addresses.findIndex((c) => c.split("/")[0] === addr);
    if (idx < 0) return fail("ifconfig: ioctl (SIOCDIFADDR): Can't assign requested address");
    i.addresses.splice(idx, 1);
    return ok("", true);
  }
  const m = CIDR.exec(addr);
  if (!m || !IPV4.test(m[1]!)) return fail(`ifconfig: ${addr}: bad value`);
  if (op !== undefined && op !== "alias") return fail(`ifconfig: ${op}: bad value`);
  if (i.addresses.some((c) => c.split("/")[0] === m[1])) return fail("ifconfig: ioctl (SIOCAIFADDR): File exists");
  if (op === "alias" || i.addresses.length === 0) i.addresses.push(addr);
  else i.addresses[0] = addr;
  // ifconfig(8) "up": "It happens automatically when setting the first address on an interface."
  i.up = true;
  return ok("", true);
};
