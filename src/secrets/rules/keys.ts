// Key material: PEM private keys in all their forms (also with "\n" escapes inside JSON),
// OpenSSH and PGP private keys, PuTTY key files, and JWTs.
import { Buffer } from "node:buffer";
import { looksRandom } from "../entropy.js";
import { matches } from "../pattern.js";
import { isPlaceholder } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { B64URL, provider } from "./provider.js";

/** Longest body read after a BEGIN line (a 16k-bit RSA key is about 12 KB). */
const MAX_BODY = 64 * 1024;

function ruleForLabel(label: string): string | undefined {
  if (label === "OPENSSH PRIVATE KEY") return "openssh-private-key";
  if (label === "PGP PRIVATE KEY BLOCK") return "pgp-private-key";
  if (/^(?:[A-Z0-9]{1,12} ){0,2}PRIVATE KEY$/.test(label)) return "private-key";
  return undefined;
}

/** Base64 of a PEM body: header lines ("Proc-Type: …"), escapes and quoting removed. */
function pemBody(raw: string): string {
  return raw
    .replace(/\\[nr]/g, "\n")
    .split("\n")
    .filter((l) => !l.includes(":"))
    .join("")
    .replace(/[^A-Za-z0-9+/=]/g, "");
}

/**
 * Each "-----BEGIN " is read once and its body runs to the next "-----", so successive hits
 * read disjoint text: linear even on a file that repeats the marker.
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
      const rule = labelEnd - labelStart <= 40 ? ruleForLabel(text.slice(labelStart, labelEnd)) : undefined;
      if (!rule) {
        re.lastIndex = Math.min(labelEnd, labelStart + 40);
        continue;
      }
      const bodyStart = labelEnd + 5;
      const next = text.indexOf("-----", bodyStart);
      const bodyEnd = next < 0 ? Math.min(text.length, bodyStart + MAX_BODY) : Math.min(next, bodyStart + MAX_BODY);
      re.lastIndex = bodyEnd;
      const raw = text.slice(bodyStart, bodyEnd);
      const body = pemBody(raw);
      if (body.length < 64 || isPlaceholder(raw.trim()) || !looksRandom(body.slice(0, 64), 4.0)) continue;
      yield { index: m.index, secret: body, rule, preview: `-----BEGIN ${text.slice(labelStart, labelEnd)}----- …` };
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
      if (body.length >= 32 && looksRandom(body.slice(0, 64), 3.8)) yield { index: m.index, secret: body, preview: "PuTTY-User-Key-File …" };
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
  puttyKey,
  provider({
    id: "jwt",
    parts: ["eyJ", [B64URL, 10, 8192], ".eyJ", [B64URL, 10, 16384], ".", [B64URL, 16, 1024]],
    before: B64URL,
    check: isSecretJwt,
  }),
];
