// Content hashes for file-write actions: what the plan shows and the inventory records.
import { createHash } from "node:crypto";

/** `sha256:<hex>` of a file's content. */
export function contentHash(content: string): string {
  return `sha256:${createHash("sha256").update(content, "utf8").digest("hex")}`;
}
