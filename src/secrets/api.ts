// The secret scanner's contract (DESIGN §6). Findings never contain the secret itself.
import { scanFile } from "./scan-file.js";

export interface Finding {
  /** Relative to the scanned root, forward slashes. */
  file: string;
  /** 1-based; 0 when the finding concerns the whole file (secret by name, too large). */
  line: number;
  /** 1-based; 0 with line 0. */
  column: number;
  /** Stable rule id, e.g. "aws-access-key-id". */
  rule: string;
  /** Hash of rule and secret: the key of the host-side allowlist. */
  fingerprint: string;
  /** Redacted preview, never the whole secret. */
  preview: string;
  /** The commit that carries the file or message, when scanning git history. */
  commit?: string;
}

export interface ScanInput {
  path: string;
  data: Uint8Array;
  /** The file's real size when `data` was not read in full (it is then reported as too large). */
  size?: number;
  /** Commit the file or message came from (copied to its findings). */
  commit?: string;
}

export interface ScanOptions {
  /** Fingerprints the operator accepted (host-side allowlist). */
  allow?: ReadonlySet<string>;
  /** Bytes; larger files are a "file-too-large" finding. Default 16 MiB. */
  maxBytes?: number;
  /** Honour inline allow markers in scanned files. Off unless the operator turns it on. */
  inlineAllow?: boolean;
}

export interface ScanResult {
  findings: Finding[];
  files: number;
  bytes: number;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Scans every file in full (pure: bytes in, findings out). */
export function scanFiles(files: Iterable<ScanInput>, options: ScanOptions = {}): ScanResult {
  const fileOptions = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, inlineAllow: options.inlineAllow ?? false };
  const findings: Finding[] = [];
  let count = 0;
  let bytes = 0;
  for (const f of files) {
    count++;
    bytes += f.data.byteLength;
    for (const finding of scanFile(f, fileOptions)) {
      if (!options.allow?.has(finding.fingerprint)) findings.push(finding);
    }
  }
  return { findings, files: count, bytes };
}
