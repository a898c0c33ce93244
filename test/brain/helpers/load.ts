// Loads a soul written by writeSoul, failing the test if it is invalid.
import { loadSoul } from "../../../src/soul/load.js";
import type { Soul } from "../../../src/soul/model.js";
import { type SoulSpec, writeSoul } from "./soul.js";

export async function soulOf(spec: SoulSpec, dir?: string): Promise<Soul> {
  const { soul, problems } = await loadSoul({ dir: writeSoul(spec, dir) });
  if (!soul) throw new Error(`fixture soul is invalid: ${JSON.stringify(problems)}`);
  return soul;
}
