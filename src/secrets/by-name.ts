// Files that are secrets by their name: SSH private keys, PKCS#12 bundles, key stores, KeePass
// databases, and the credential files (.netrc, .pgpass) whose lines hold passwords.
import { createHash } from "node:crypto";
import type { Hit } from "./rule.js";

export interface NameHit extends Hit {
  rule: string;
  /** True when the finding concerns the whole file (reported at line 0, column 0). */
  wholeFile: boolean;
}

const WHOLE_FILE: ReadonlyArray<[RegExp, string]> = [
  [/^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/, "ssh-private-key-file"],
  [/\.(?:p12|pfx)$/i, "pkcs12-file"],
  [/\.kdbx?$/i, "keepass-file"],
  [/\.(?:jks|keystore|bks)$/i, "java-keystore-file"],
];

const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Whole-file findings for secret-by-name files; the secret is a hash of the content. */
export function scanByName(path: string, data: Uint8Array): NameHit[] {
  const name = basename(path);
  if (data.byteLength === 0) return [];
  for (const [re, rule] of WHOLE_FILE) {
    if (re.test(name)) {
      const digest = createHash("sha256").update(data).digest("hex");
      return [{ rule, index: 0, secret: digest, preview: `${name} (${data.byteLength} bytes)`, wholeFile: true }];
    }
  }
  return [];
}

/** Password lines in .netrc / _netrc and .pgpass files (content already decoded). */
export function scanCredentialFile(path: string, text: string): NameHit[] {
  const name = basename(path);
  const hits: NameHit[] = [];
  if (name === ".netrc" || name === "_netrc") {
    for (const m of text.matchAll(/(?<=^|\s)password[ \t]{1,16}(?=([^\s]{1,512}))\1/g)) {
      const value = m[1] as string;
      const index = (m.index as number) + m[0].length - value.length;
      hits.push({ rule: "netrc-password", index, secret: value, wholeFile: false });
    }
  } else if (name === ".pgpass") {
    let offset = 0;
    for (const line of text.split("\n")) {
      const fields = line.startsWith("#") ? [] : line.split(/(?<!\\):/);
      const password = fields[4];
      if (fields.length === 5 && password && password.trim() !== "") {
        hits.push({ rule: "pgpass-password", index: offset + line.length - password.length, secret: password, wholeFile: false });
      }
      offset += line.length + 1;
    }
  }
  return hits;
}
