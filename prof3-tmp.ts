import { scanText } from "./src/secrets/scan-text.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
for (let k = 0; k < 3; k++) { const s = performance.now(); const h = scanText(text); const ms = performance.now() - s; console.log("scanText", ms.toFixed(0), "ms", (text.length / 1e6 / (ms / 1000)).toFixed(1), "MB/s", h.length); }
const kw = CONTENT_RULES.find(r => r.id === "secret-assignment")!;
for (let k = 0; k < 3; k++) { const s = performance.now(); let n = 0; for (const _ of kw.scan(text)) n++; console.log("keyword", (performance.now() - s).toFixed(0), n); }
const aws = CONTENT_RULES.find(r => r.id === "aws-secret-access-key")!;
for (let k = 0; k < 2; k++) { const s = performance.now(); let n = 0; for (const _ of aws.scan(text)) n++; console.log("aws", (performance.now() - s).toFixed(0), n); }
const sm = /[Pp]ass|PASS|[Pp]wd|PWD|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Kk]ey|KEY|[Aa]uth|AUTH|[Cc]redential|CREDENTIAL|[Bb]earer|BEARER/g;
for (let k = 0; k < 2; k++) { const s = performance.now(); let n = 0; sm.lastIndex = 0; while (sm.exec(text)) n++; console.log("kwre", (performance.now() - s).toFixed(0), n); }
