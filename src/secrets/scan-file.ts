// One file → findings: size limit, secret-by-name, binary detection, decoding, content rules,
// and (only when the operator enabled them) inline allow markers.
import type { Finding, ScanInput } from "./api.js";
import { scanByName, scanCredentialFile } from "./by-name.js";
import { indexLines } from "./lines.js";
import { fingerprintOf, previewOf } from "./redact.js";
import { scanText } from "./scan-text.js";
import { decodeForScan, isBinary } from "./text.js";

export interface FileScanOptions {
  /** Files larger than this are a finding ("too large to scan"), never silently passed. */
  maxBytes: number;
  /** Honour `soulsync:allow` (and gitleaks' `gitleaks:allow`) on a finding's line. */
  inlineAllow: boolean;
}

/** A file with more findings than this is hostile or generated: the rest are summarised in one. */
export const MAX_FINDINGS_PER_FILE = 1000;

/** Markers that, when the operator allows it, exempt the line they are on. */
const ALLOW_MARKER = /soulsync:allow|gitleaks:allow|pragma: allowlist secret/;

/** Scans one file in full (pure). */
export function scanFile(input: ScanInput, options: FileScanOptions): Finding[] {
  const base = { file: input.path, ...(input.commit ? { commit: input.commit } : {}) };
  const size = Math.max(input.size ?? 0, input.data.byteLength);
  if (size > options.maxBytes || input.data.byteLength < size) {
    const rule = "file-too-large";
    return [
      {
        ...base,
        line: 0,
        column: 0,
        rule,
        fingerprint: fingerprintOf(rule, `${input.path}\0${size}`),
        preview: `too large to scan (${size} bytes, limit ${options.maxBytes})`,
      },
    ];
  }
  const findings: Finding[] = scanByName(input.path, input.data).map((h) => ({
    ...base,
    line: 0,
    column: 0,
    rule: h.rule,
    fingerprint: fingerprintOf(h.rule, h.secret),
    preview: h.preview ?? previewOf(h.secret),
  }));
  if (isBinary(input.data)) return findings;
  const text = decodeForScan(input.data);
  const hits = [...scanText(text), ...scanCredentialFile(input.path, text)];
  if (hits.length === 0) return findings;
  const lines = indexLines(text);
  if (hits.length > MAX_FINDINGS_PER_FILE) {
    const rule = "too-many-findings";
    findings.push({
      ...base,
      line: 0,
      column: 0,
      rule,
      fingerprint: fingerprintOf(rule, `${input.path}\0${hits.length}`),
      preview: `${hits.length} findings; the first ${MAX_FINDINGS_PER_FILE} are listed`,
    });
  }
  for (const h of hits.slice(0, MAX_FINDINGS_PER_FILE)) {
    if (options.inlineAllow && allowedInline(text, lines.bounds(h.index))) continue;
    const rule = h.rule as string;
    findings.push({
      ...base,
      ...lines.at(h.index),
      rule,
      fingerprint: fingerprintOf(rule, h.secret),
      preview: h.preview ?? previewOf(h.secret),
    });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Looks for a marker on the hit's line (at most 4 KB of it, so huge lines stay cheap). */
function allowedInline(text: string, line: { start: number; end: number }): boolean {
  return ALLOW_MARKER.test(text.slice(line.start, Math.min(line.end, line.start + 4096)));
}
