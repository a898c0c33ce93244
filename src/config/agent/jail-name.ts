// Jail names every supported Bastille accepts for a VNET jail, from BastilleBSD/bastille
// usr/local/share/bastille/create.sh validate_name at tags 1.0.20250714 … 1.4.4:
// letters, digits, `-` and `_` (1.0), no leading `-`/`_`, not only digits, and from 1.1.0.251001
// "VNET jail names may not contain (-|_) characters." — so letters and digits only.
import { describeValue } from "../../untrusted/describe.js";

export const JAIL_NAME_MAX = 63;

/** Why Bastille (1.0–1.4) would refuse `name` for a VNET jail, or undefined. */
export function jailNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9]+$/.test(name)) {
    return `${describeValue(name)} must be letters and digits only: Bastille 1.1 and later refuse - and _ in VNET jail names`;
  }
  if (/^[0-9]+$/.test(name)) return `${describeValue(name)} may not be only digits (Bastille refuses it)`;
  if (name.length > JAIL_NAME_MAX) return `${describeValue(name)} is longer than ${JAIL_NAME_MAX} characters`;
  return undefined;
}

/**
 * The host-side epair Bastille 1.0–1.3 give a VNET jail (common.sh generate_vnet_jail_netblock):
 * `e0a_<name>` when it fits IFNAMSIZ (under 16), else the first 7 and last 2 characters around
 * "xx". Two jails with the same short form collide (1.1+ refuse the second, 1.0 breaks at start).
 */
export function epairOf(name: string): string {
  return `e0a_${name}`.length < 16 ? `e0a_${name}` : `e0a_${name.slice(0, 7)}xx${name.slice(-2)}`;
}

/** The default name of an agent's jail: the agent name without `_`, then the role (atlasgit). */
export function defaultJailName(agent: string, suffix: string): string {
  return `${agent.replaceAll("_", "")}${suffix}`;
}
