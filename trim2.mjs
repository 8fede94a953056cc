import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import mammoth from 'mammoth';
const bytes = readFileSync(process.argv[2] ?? 'input/008C.docx');
const parts = unzipSync(bytes);
const xml = strFromU8(parts['word/document.xml']);
let t = xml.replace(/ w:rsid\w*="[^"]*"/g, '').replace(/<w:proofErr\b[^>]*\/>/g, '').replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '').replace(/<w:lastRenderedPageBreak\/>/g, '');
let merged = t, prev;
do { prev = merged; merged = merged.replace(/(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)((?:<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>)+)<\/w:r><w:r>\2((?:<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>)+)<\/w:r>/gs, '$1$3$4</w:r>'); } while (merged !== prev);
console.log(xml.length, t.length, merged.length, (xml.match(/<w:r>/g)||[]).length, (merged.match(/<w:r>/g)||[]).length);
const mk = (x) => { const p = { ...parts, 'word/document.xml': strToU8(x) }; const o = {}; for (const k in p) o[k] = [p[k], { level: 0 }]; return Buffer.from(zipSync(o)); };
const bufs = { orig: mk(xml), strip: mk(t), merged: mk(merged) };
const opts = { transformDocument: (d) => ({ ...d, children: [] }) };
const T = { orig: [], strip: [], merged: [] };
for (let r = 0; r < 25; r++) for (const k in bufs) { const s = performance.now(); await mammoth.convertToHtml({ buffer: bufs[k] }, opts); if (r > 4) T[k].push(performance.now() - s); }
for (const k in T) { const a = T[k].sort((x, y) => x - y); console.log(k, a[a.length >> 1].toFixed(1)); }
