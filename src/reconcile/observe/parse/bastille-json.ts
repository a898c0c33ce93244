// Parses `bastille list -j`: a JSON array of one object per row of `bastille list`, keys as the
// header spells them — "Name", "State", "IP Address", "Release" in 1.0–1.4.4, "NAME", "STATE",
// "IP ADDRESS", "RELEASE" on the development branch (BastilleBSD/bastille list.sh) — so keys are
// matched without case. Rows awk made of a multi-address jail's continuation lines have no name
// that is a jail name and are skipped.
import type { BastilleJail } from "./bastille.js";

/** The jails in the JSON; undefined when the text is not a JSON array. */
export function parseBastilleJson(text: string): BastilleJail[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  const jails: BastilleJail[] = [];
  for (const row of data) {
    if (typeof row !== "object" || row === null) continue;
    const get = (key: string) => {
      const hit = Object.entries(row as Record<string, unknown>).find(([k]) => k.toLowerCase() === key);
      return typeof hit?.[1] === "string" ? hit[1] : undefined;
    };
    const name = get("name");
    const jid = get("jid");
    if (!name || !/^[A-Za-z0-9_-]+$/.test(name) || (jid !== "-" && !/^\d+$/.test(jid ?? ""))) continue;
    const ip = get("ip address");
    const release = get("release");
    jails.push({
      name,
      jid: jid === "-" ? undefined : Number(jid),
      state: get("state") ?? "-",
      ip: ip && ip !== "-" ? ip.split(",")[0]!.replace(/\/\d+$/, "") : undefined,
      release: release && release !== "-" ? release : undefined,
    });
  }
  return jails;
}
