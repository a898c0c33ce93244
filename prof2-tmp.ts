import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
const prefixes = ["ghp_","gho_","ghu_","ghs_","ghr_","github_pat_","glpat-","gldt-","glrt-","GR1348941","glptt-","ATBB","ATATT3","xoxb-","xoxp-","xoxa-","xoxo-","xoxr-","xoxs-","xoxe-","xapp-","https://hooks.slack.com/","https://discord","T3BlbkFJ","sk-proj-","sk-svcacct-","sk-ant-","hf_","api_org_","gsk_","r8_","pplx-","xai-","sk-or-v1-","lsv2_","tvly-","sk_","rk_","whsec_","SK","SG.","key-","-us","shp","lin_api_","ntn_","secret_","npm_","pypi-","eyJ","AIza","GOCSPX-","ya29.","AccountKey=","Q~","dop_v1_","doo_v1_","dor_v1_","hvs.","hvb.","dp.","AKIA","ASIA","ABIA","ACCA","-----BEGIN ","PuTTY-User-Key-File-","://","sig=",":AA"];
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
const re = new RegExp(prefixes.map(esc).join("|"), "g");
let s = performance.now(); let n = 0; re.lastIndex = 0; while (re.exec(text)) n++;
console.log("combined", (performance.now() - s).toFixed(1), "ms", n);
// sorted by first char trie-ish
s = performance.now(); n = 0;
for (const p of prefixes) { let i = text.indexOf(p); while (i >= 0) { n++; i = text.indexOf(p, i + 1); } }
console.log("indexOf each", (performance.now() - s).toFixed(1), "ms", n);
const kw = /pass|pwd|secret|token|key|auth|credential|bearer/gi;
s = performance.now(); n = 0; while (kw.exec(text)) n++; console.log("kw", (performance.now() - s).toFixed(1), n);
const d = /(?<![A-Za-z0-9_-])[MNO](?=([A-Za-z0-9_-]{23,27}))\1\./g;
s = performance.now(); n = 0; while (d.exec(text)) n++; console.log("discord", (performance.now() - s).toFixed(1), n);
const d2 = /\.(?=([A-Za-z0-9_-]{6,7}))\1\./g;
s = performance.now(); n = 0; while (d2.exec(text)) n++; console.log("discord mid", (performance.now() - s).toFixed(1), n);
const t = /:AA/g;
s = performance.now(); n = 0; while (t.exec(text)) n++; console.log("telegram :AA", (performance.now() - s).toFixed(1), n);
