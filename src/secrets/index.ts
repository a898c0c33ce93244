export { DEFAULT_MAX_BYTES, type Finding, type ScanInput, type ScanOptions, type ScanResult, scanFiles } from "./api.js";
export { parseAllowlist, readAllowlist } from "./allowlist.js";
export { scanText } from "./scan-text.js";
export { CONTENT_RULES } from "./rules/index.js";
