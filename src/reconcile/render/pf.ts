// The pf-managed file (pure render): a warden_net macro of every agent subnet, NAT out of
// the external interface, and a pass rule on the bridge. Included from pf.conf or loaded into an anchor.

export interface PfRenderInput {
  extIf: string;
  bridge: string;
  /** Agent name and its /24, in host.yaml order. */
  subnets: { agent: string; subnet: string }[];
}

/** Renders the file; the same input always gives the same bytes. */
export function renderPfFile(input: PfRenderInput): string {
  const nets = input.subnets.map((s) => s.subnet).join(", ");
  return [
    "# Managed by soulsync: NAT for the agent subnets on the bridge. Local edits are overwritten.",
    ...input.subnets.map((s) => `# ${s.agent}: ${s.subnet}`),
    `warden_ext_if = "${input.extIf}"`,
    `warden_net = "{ ${nets} }"`,
    "nat on $warden_ext_if inet from $warden_net to any -> ($warden_ext_if)",
    `pass quick on ${input.bridge} inet from $warden_net to any keep state`,
    "",
  ].join("\n");
}
