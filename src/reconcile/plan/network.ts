// network (pure): the bridge exists, is up and persists; the host owns every agent's gateway on it —
// the first as the bridge address, the others as aliases, persisted as ifconfig_<bridge>_aliasN from 0;
// and the host forwards IP for NAT (gateway_enable in rc.conf, net.inet.ip.forwarding now).
import type { Action } from "../actions.js";
import type { NetworkHave } from "../observe/types.js";
import type { Want } from "../want.js";
import { type PlanContext, created } from "./context.js";

const inet = (cidr: string) => `inet ${cidr}`;

/** Actions that make the bridge, its addresses and their rc.conf lines match `want`. */
export function planNetwork(want: Want["network"], have: NetworkHave, ctx: PlanContext): Action[] {
  const { bridge, gateways } = want;
  const out: Action[] = [];
  if (gateways.length === 0) return out;
  if (!have.bridgeExists) out.push({ step: "network", kind: "bridge.create", bridge, summary: `create bridge ${bridge}` });
  else if (!have.bridgeUp) out.push({ step: "network", kind: "bridge.up", bridge, summary: `bring ${bridge} up` });
  const present = new Set(have.bridgeExists ? have.addresses : []);
  let count = present.size;
  for (const g of gateways) {
    if (present.has(g.cidr)) continue;
    out.push({ step: "network", kind: "address.add", bridge, cidr: g.cidr, alias: count > 0, agent: g.agent, summary: `add ${g.cidr} to ${bridge} for ${g.agent}` });
    count++;
  }
  const wanted = new Set(gateways.map((g) => g.cidr));
  for (const cidr of present) {
    if (!wanted.has(cidr) && created(ctx, "address", cidr)) {
      out.push({ step: "network", kind: "address.remove", bridge, cidr, summary: `remove ${cidr} from ${bridge} (its agent is gone)` });
    }
  }
  out.push(...planRcConf(bridge, gateways.map((g) => g.cidr), have.rc));
  if (have.rc.gateway_enable !== "YES") out.push({ step: "network", kind: "rc.set", name: "gateway_enable", value: "YES", summary: "persist IP forwarding for NAT (gateway_enable)" });
  if (have.forwarding !== "1") out.push({ step: "network", kind: "sysctl.set", name: "net.inet.ip.forwarding", value: "1", summary: "turn on IP forwarding for NAT" });
  return out;
}

/** rc.conf: cloned_interfaces + ifconfig_bridgeN_name, the address, and aliases renumbered from 0. */
function planRcConf(bridge: string, cidrs: string[], rc: Record<string, string>): Action[] {
  const out: Action[] = [];
  const set = (name: string, value: string, summary: string) => {
    if (rc[name] !== value) out.push({ step: "network", kind: "rc.set", name, value, summary });
  };
  const cloned = (rc.cloned_interfaces ?? "").split(/\s+/).filter(Boolean);
  const named = Object.entries(rc).find(([k, v]) => /^ifconfig_bridge\d+_name$/.test(k) && v === bridge);
  let device = named?.[0].replace(/^ifconfig_(bridge\d+)_name$/, "$1");
  if (!device) {
    let n = 0;
    while (cloned.includes(`bridge${n}`) || rc[`ifconfig_bridge${n}_name`] !== undefined) n++;
    device = `bridge${n}`;
  }
  if (!cloned.includes(device)) {
    out.push({ step: "network", kind: "rc.append", name: "cloned_interfaces", value: device, summary: `persist ${device} in cloned_interfaces` });
  }
  set(`ifconfig_${device}_name`, bridge, `persist ${device} renamed to ${bridge}`);
  set(`ifconfig_${bridge}`, inet(cidrs[0]!), `persist ${cidrs[0]} as the ${bridge} address`);
  const aliases = cidrs.slice(1);
  for (const [i, c] of aliases.entries()) set(`ifconfig_${bridge}_alias${i}`, inet(c), `persist ${c} as ${bridge} alias ${i}`);
  const stale = Object.keys(rc)
    .map((k) => new RegExp(`^ifconfig_${bridge}_alias(\\d+)$`).exec(k))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) >= aliases.length)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  for (const m of stale) out.push({ step: "network", kind: "rc.unset", name: m[0], summary: `drop ${m[0]} (aliases renumbered from 0)` });
  return out;
}
