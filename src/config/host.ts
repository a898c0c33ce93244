// Reads host.yaml from a host repo directory into a typed HostSpec (throws on bad input).
// `soulsync config check` reports every problem with file, line and key; this is the quick path.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { environmentError, inputError } from "../core/errors.js";
import { type HostSpec, hostSpec } from "./schema/host.js";

export async function readHostSpec(hostDir: string): Promise<HostSpec> {
  const path = join(hostDir, "host.yaml");
  const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_HOST_READ", `cannot read ${path}: ${e.code ?? e.message}`, { path });
  });
  let raw: unknown;
  try {
    raw = parse(text, { schema: "core", maxAliasCount: 50, uniqueKeys: true });
  } catch (e) {
    throw inputError("E_HOST_SYNTAX", `${path}: ${(e as Error).message.split("\n")[0]}`, { path });
  }
  const parsed = hostSpec.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw inputError("E_HOST_SCHEMA", `${path}: ${first?.path.join(".") || "(root)"}: ${first?.message}`, { path });
  }
  return parsed.data;
}
