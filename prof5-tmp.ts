import { keywordOffsets } from "./src/secrets/rules/keyword.js";
import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
for (let k = 0; k < 4; k++) { const s = performance.now(); const o = keywordOffsets(text); console.log("offsets", (performance.now() - s).toFixed(1), o.length); }
const lower = text.toLowerCase();
for (let k = 0; k < 3; k++) { const s = performance.now(); let n = 0; for (let i = lower.indexOf("token"); i >= 0; i = lower.indexOf("token", i + 5)) n++; console.log("indexOf token", (performance.now() - s).toFixed(1), n); }
for (let k = 0; k < 3; k++) { const s = performance.now(); let n = 0; const re = /token/g; while (re.exec(lower)) n++; console.log("re token", (performance.now() - s).toFixed(1), n); }
for (let k = 0; k < 3; k++) { const s = performance.now(); let n = 0; const re = /token|secret|pass|pwd|key|auth|credential|bearer/g; while (re.test(lower)) n++; console.log("re test all", (performance.now() - s).toFixed(1), n); }
