// Key material: PEM private keys in all their forms (also with "\n" escapes inside JSON),
// OpenSSH and PGP private keys, PuTTY key files, and JWTs.
import { Buffer } from "node:buffer";
import { looksRandom } from "../entropy.js";
import { matches } from "../pattern.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { keyFormat, splitBlock } from "./key-structure.js";
import { B64URL, provider } from "./provider.js";

/** Longest body read after a BEGIN line (a 16k-bit RSA key is about 12 KB). */
const MAX_BODY = 64 * 1024;

function ruleForLabel(label: string): string | undefined {
  if (label === "OPENSSH PRIVATE KEY") return "openssh-private-key";
  if (label === "PGP PRIVATE KEY BLOCK") return "pgp-private-key";
  if (/^(?:[A-Z0-9]{1,12} ){0,2}PRIVATE KEY$/.test(label)) return "private-key";
  return undefined;
}

/** Base64 of a block body (headers, armor checksum, escapes and quoting removed). */
function pemBody(raw: string): string {
  return splitBlock(raw).base64;
}

/**
 * Each "-----BEGIN " is read once and its body runs to the next "-----", so successive hits
 * read disjoint text: linear even on a file that repeats the marker. The body must have the
 * structure of key material (key-structure.ts), whatever file it is in.
 */
const pemPrivateKey: Rule = {
  id: "private-key",
  priority: PRIORITY.provider + 5,
  anchors: ["-----BEGIN "],
  *scan(text: string): Generator<Hit> {
    const re = /-----BEGIN /g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const labelStart = m.index + 11;
      const labelEnd = text.indexOf("-----", labelStart);
      if (labelEnd < 0) return;
      const label = text.slice(labelStart, Math.min(labelEnd, labelStart + 41));
      const rule = labelEnd - labelStart <= 40 ? ruleForLabel(label) : undefined;
      if (!rule) {
        re.lastIndex = Math.min(labelEnd, labelStart + 40);
        continue;
      }
      const bodyStart = labelEnd + 5;
      const next = text.indexOf("-----", bodyStart);
      const bodyEnd = next < 0 ? Math.min(text.length, bodyStart + MAX_BODY) : Math.min(next, bodyStart + MAX_BODY);
      re.lastIndex = bodyEnd;
      const raw = text.slice(bodyStart, bodyEnd);
      if (!keyFormat(label, raw)) continue;
      yield { index: m.index, secret: pemBody(raw), rule, preview: `-----BEGIN ${label}----- …` };
    }
  },
};

/** SSH.com / RFC 4716 private keys (puttygen -O private-sshcom): "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----". */
const sshcomKey: Rule = {
  id: "sshcom-private-key",
  priority: PRIORITY.provider + 5,
  anchors: ["---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"],
  *scan(text: string): Generator<Hit> {
    const marker = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----";
    for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) {
      const bodyStart = i + marker.length;
      const next = text.indexOf("----", bodyStart);
      const raw = text.slice(bodyStart, next < 0 ? Math.min(text.length, bodyStart + MAX_BODY) : Math.min(next, bodyStart + MAX_BODY));
      if (keyFormat("SSH2", raw)) yield { index: i, secret: pemBody(raw), preview: `${marker} …` };
    }
  },
};

/** PuTTY .ppk files: "PuTTY-User-Key-File-N:" with a "Private-Lines:" section. */
const puttyKey: Rule = {
  id: "putty-private-key",
  priority: PRIORITY.provider,
  anchors: ["PuTTY-User-Key-File-"],
  *scan(text: string): Generator<Hit> {
    let consumed = 0;
    for (const m of matches(/PuTTY-User-Key-File-[0-9]: /g, text)) {
      if (m.index < consumed) continue;
      const window = text.slice(m.index, m.index + 16 * 1024);
      consumed = m.index + window.length;
      const p = /Private-Lines: ([0-9]{1,3})\r?\n/.exec(window);
      if (!p) continue;
      const body = pemBody(window.slice(p.index + p[0].length).split(/\r?\n/).slice(0, Number(p[1])).join("\n"));
      // An ed25519 private blob is one 48-character line: structure (valid base64, not filler) decides.
      if (body.length >= 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(body) && looksRandom(body.slice(4, 68), 3.5)) yield { index: m.index, secret: body, preview: "PuTTY-User-Key-File …" };
    }
  },
};

function decodeJson(segment: string): Record<string, unknown> | undefined {
  const text = Buffer.from(segment, "base64url").toString("utf8").trimEnd();
  if (!text.startsWith("{") || !text.endsWith("}")) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A signed JWT whose header names an algorithm; public "anon" tokens (Supabase) are not secrets. */
function isSecretJwt(token: string): boolean {
  const [h, p] = token.split(".");
  const header = decodeJson(h ?? "");
  const payload = decodeJson(p ?? "");
  if (!header || typeof header.alg !== "string" || header.alg === "none" || !payload) return false;
  return payload.role !== "anon";
}

export const KEY_RULES: Rule[] = [
  pemPrivateKey,
  sshcomKey,
  puttyKey,
  provider({
    id: "jwt",
    parts: ["eyJ", [B64URL, 10, 8192], ".eyJ", [B64URL, 10, 16384], ".", [B64URL, 16, 1024]],
    before: B64URL,
    check: isSecretJwt,
  }),
];
