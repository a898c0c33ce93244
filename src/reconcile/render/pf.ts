// The pf-managed file (pure render): a warden_net macro of every agent subnet, NAT out of the
// external interface, block rules that keep agent subnets apart (host.pf.cross_agent: deny, the
// default), and a pass rule on the bridge. Included from pf.conf or loaded into an anchor.
// The forms are pf.conf(5)'s (FreeBSD 14): `block drop in quick on IF inet from NET to { NETS }`
// matches packets the host routes between subnets as they enter the bridge interface.

export interface PfRenderInput {
  extIf: string;
  bridge: string;
  /** Agent name and its /24, in host.yaml order. */
  subnets: { agent: string; subnet: string }[];
  /** "deny" (default): an agent's subnet may not reach another agent's. */
  crossAgent?: "deny" | "allow";
}

/** Renders the file; the same input always gives the same bytes. */
export function renderPfFile(input: PfRenderInput): string {
  const nets = input.subnets.map((s) => s.subnet).join(", ");
  const isolate = (input.crossAgent ?? "deny") === "deny" && input.subnets.length > 1;
  const blocks = isolate
    ? input.subnets.map((s) => {
        const others = input.subnets.filter((o) => o.subnet !== s.subnet).map((o) => o.subnet);
        return `block drop in quick on ${input.bridge} inet from ${s.subnet} to { ${others.join(", ")} }`;
      })
    : [];
  return [
    "# Managed by soulsync: NAT for the agent subnets on the bridge. Local edits are overwritten.",
    ...input.subnets.map((s) => `# ${s.agent}: ${s.subnet}`),
    `warden_ext_if = "${input.extIf}"`,
    `warden_net = "{ ${nets} }"`,
    "nat on $warden_ext_if inet from $warden_net to any -> ($warden_ext_if)",
    ...(isolate ? ["# Agents may not reach each other (host.pf.cross_agent: deny)."] : []),
    ...blocks,
    `pass quick on ${input.bridge} inet from $warden_net to any keep state`,
    "",
  ].join("\n");
}
