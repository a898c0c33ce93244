// The webhook's HMAC key: a host-local file in secrets_dir (`openssl rand -hex 32 > webhook.key`).
import { readFile } from "node:fs/promises";
import { environmentError } from "../../core/errors.js";

/** Shortest key accepted, in bytes: 16 (128 bits); `openssl rand -hex 32` gives 64. */
export const MIN_KEY_BYTES = 16;

/**
 * Reads the key file; the key is its bytes without trailing whitespace, exactly what an operator
 * pastes into a forge's "secret" field. The error names the file, never its content.
 */
export async function loadWebhookKey(path: string): Promise<Buffer> {
  const raw = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_WEBHOOK_KEY", `cannot read the webhook key ${path}: ${e.code ?? e.message}`, { path });
  });
  let end = raw.length;
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x09].includes(raw[end - 1] as number)) end--;
  if (end < MIN_KEY_BYTES) {
    throw environmentError("E_WEBHOOK_KEY", `the webhook key ${path} is shorter than ${MIN_KEY_BYTES} bytes (make one with: openssl rand -hex 32)`, {
      path,
    });
  }
  return raw.subarray(0, end);
}
