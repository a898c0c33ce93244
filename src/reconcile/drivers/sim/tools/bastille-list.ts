// `bastille list` and `bastille list -j` as Bastille prints them, from BastilleBSD/bastille
// usr/local/share/bastille/list.sh: tags 1.0.20250714 … 1.4.4 print the mixed-case header
// " JID  Name  Boot  Prio  State  Type   IP Address  Published Ports  Release  Tags" with
// printf "%*s" padding from the longest value (SPACER=2, JID 3, Type 5, IP 10, Ports 15,
// Release 7, Name 10 by default); the development branch prints "%-*s " columns under uppercase
// names (JID NAME BOOT PRIO STATE TYPE IP ADDRESS PORTS RELEASE TAGS). -j turns those rows into
// JSON with awk, one object per row, keys as the header spells them.
import type { SimJail, SimState } from "../state.js";
import type { BastilleVersion } from "../../../observe/parse/bastille-version.js";

interface Row {
  jid: string;
  name: string;
  boot: string;
  prio: string;
  state: string;
  type: string;
  ip: string;
  ports: string;
  release: string;
  tags: string;
}

/** Rows in `ls -v` order of the jails directory; a stopped jail has JID "-" and its base release. */
function rows(s: SimState): Row[] {
  return Object.entries(s.jails)
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([name, j]: [string, SimJail]) => ({
      jid: j.jid === undefined ? "-" : String(j.jid),
      name,
      boot: "on",
      prio: "99",
      state: j.jid === undefined ? "Down" : "Up",
      type: "thin",
      ip: j.ip.split("/")[0]!,
      ports: "-",
      release: j.jid === undefined ? j.release : `${j.release}-p2`,
      tags: "-",
    }));
}

const sp = (n: number) => " ".repeat(Math.max(0, n));
const longest = (values: string[], min: number, dflt: number) => Math.max(min, values.length ? Math.max(...values.map((v) => v.length)) : dflt);

/** The 1.0–1.4.4 table. */
function releasedTable(s: SimState): string {
  const r = rows(s);
  const S = 2;
  const J = 3;
  const N = Math.max(3, r.length ? Math.max(...r.map((x) => x.name.length)) : 10);
  const T = 5;
  const I = longest(r.map((x) => x.ip), 10, 10);
  const P = 15;
  const R = longest(r.map((x) => x.release), 7, 7);
  const head = ` JID${sp(J + S - 3)}Name${sp(N + S - 4)}Boot${sp(S)}Prio${sp(S)}State${sp(S)}Type${sp(T + S - 4)}IP Address${sp(I + S - 10)}Published Ports${sp(P + S - 15)}Release${sp(R + S - 7)}Tags`;
  const lines = r.map(
    (x) =>
      ` ${x.jid}${sp(J - x.jid.length + S)}${x.name}${sp(N - x.name.length + S)}${x.boot}${sp(4 - x.boot.length + S)}${x.prio}${sp(4 - x.prio.length + S)}${x.state}${sp(5 - x.state.length + S)}${x.type}${sp(T - x.type.length + S)}${x.ip}${sp(I - x.ip.length + S)}${x.ports}${sp(P - x.ports.length + S)}${x.release}${sp(R - x.release.length + S)}${x.tags}`,
  );
  return `${[head, ...lines].join("\n")}\n`;
}

/** The development branch's table: `printf " %-*s %-*s … %s\n"`. */
function devTable(s: SimState): string {
  const r = rows(s);
  const w = [
    3,
    Math.max(3, r.length ? Math.max(...r.map((x) => x.name.length)) : 10),
    4,
    4,
    5,
    5,
    longest(r.map((x) => x.ip), 10, 10),
    5,
    longest(r.map((x) => x.release), 7, 7),
  ];
  const line = (cells: string[]) => ` ${cells.slice(0, 9).map((c, i) => c.padEnd(w[i]!)).join(" ")} ${cells[9]}`;
  const head = line(["JID", "NAME", "BOOT", "PRIO", "STATE", "TYPE", "IP ADDRESS", "PORTS", "RELEASE", "TAGS"]);
  return `${[head, ...r.map((x) => line([x.jid, x.name, x.boot, x.prio, x.state, x.type, x.ip, x.ports, x.release, x.tags]))].join("\n")}\n`;
}

export function bastilleTable(s: SimState, v: BastilleVersion): string {
  return v.dev ? devTable(s) : releasedTable(s);
}

/** `bastille list -j`: awk 'BEGIN{print "["} NR>1{if(NR>2)print ","; printf "  {…}"} END{print "\n]"}'. */
export function bastilleJson(s: SimState, v: BastilleVersion): string {
  const keys = v.dev
    ? ["JID", "NAME", "BOOT", "PRIO", "STATE", "TYPE", "IP ADDRESS", "PORTS", "RELEASE", "TAGS"]
    : ["JID", "Name", "Boot", "Prio", "State", "Type", "IP Address", "Published Ports", "Release", "Tags"];
  const objects = rows(s).map((x) => {
    const vals = [x.jid, x.name, x.boot, x.prio, x.state, x.type, x.ip, x.ports, x.release, x.tags];
    return `  {${keys.map((k, i) => `"${k}":"${vals[i]}"`).join(",")}}`;
  });
  return `[\n${objects.join(",\n")}\n]\n`;
}
