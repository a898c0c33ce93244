// Is a PEM-style block's body really key material? Decided by the structure the tools write, not
// by how random the first characters look (an unencrypted OpenSSH key starts with a fixed header):
// OpenSSH's "openssh-key-v1\0" magic, a DER SEQUENCE (PKCS#1, PKCS#8, SEC 1, DSA, encrypted
// PKCS#8), ciphertext under a "Proc-Type: 4,ENCRYPTED" header (OpenSSL's traditional format), an
// OpenPGP secret-key packet, the SSH.com magic 0x3f6ff9eb. Stand-ins ("anything", "MIIE...") fail.
import { Buffer } from "node:buffer";

export type KeyFormat = "openssh" | "der" | "encrypted-pem" | "pgp" | "sshcom";

/** The base64 lines of a block and its header lines ("Proc-Type: …", PGP "Version: …"). */
export function splitBlock(raw: string): { headers: string[]; base64: string } {
  const headers: string[] = [];
  let base64 = "";
  let continued = false;
  for (const line of raw.replace(/\\r/g, "").replace(/\\n/g, "\n").split("\n")) {
    const t = line.trim().replace(/^["',]+|["',+]+$/g, "");
    if (continued || /^[A-Za-z][A-Za-z0-9-]{0,40}:/.test(t)) {
      headers.push(t);
      continued = t.endsWith("\\"); // SSH.com headers continue with a backslash
      continue;
    }
    if (/^=[A-Za-z0-9+/]{4}$/.test(t)) continue; // OpenPGP armor checksum
    base64 += t;
  }
  return { headers, base64 };
}

const OPENSSH_MAGIC = Buffer.from("openssh-key-v1\0", "latin1");

/** The format of a block's body, or undefined when it is not key material. */
export function keyFormat(label: string, raw: string): KeyFormat | undefined {
  const { headers, base64 } = splitBlock(raw);
  if (base64.length < 40 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length < 28 || /^(.)\1+$/.test(base64.slice(0, 40))) return undefined;
  if (label.startsWith("OPENSSH")) return bytes.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC) ? "openssh" : undefined;
  if (label.startsWith("PGP")) return isPgpSecretPacket(bytes[0] as number) ? "pgp" : undefined;
  if (label.startsWith("SSH2")) return bytes.readUInt32BE(0) === 0x3f6ff9eb ? "sshcom" : undefined;
  if (headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h))) return bytes.length >= 32 ? "encrypted-pem" : undefined;
  return isDerSequence(bytes) ? "der" : undefined;
}

/** A DER SEQUENCE whose length field is well-formed (the body may be cut short in a paste). */
function isDerSequence(b: Buffer): boolean {
  if (b[0] !== 0x30) return false;
  const len = b[1] as number;
  if (len < 0x80) return len >= 16;
  const n = len & 0x7f;
  return n >= 1 && n <= 3 && (b[2] as number) !== 0;
}

/** OpenPGP packet tag 5 (secret key) or 7 (secret subkey), in the old or the new packet format. */
function isPgpSecretPacket(first: number): boolean {
  if ((first & 0x80) === 0) return false;
  const tag = first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f;
  return tag === 5 || tag === 7;
}
