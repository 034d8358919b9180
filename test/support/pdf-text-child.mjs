// Reads a PDF on stdin and prints JSON { pages, text, fonts } on stdout.
// pdfjs-dist 5 is ESM-only while jest runs CommonJS here, so pdf-text.ts runs this in a child process.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

async function main() {
  const data = await readStdin();
  const pdf = await getDocument({ data, verbosity: 0, disableFontFace: true, useSystemFonts: false, fontExtraProperties: true }).promise;
  const pages = [];
  const fonts = new Map();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      const id = ops.argsArray[i][0];
      const font = page.commonObjs.has(id) ? page.commonObjs.get(id) : page.objs.get(id);
      fonts.set(font.name ?? id, { name: font.name ?? id, embedded: !font.missingFile, type: font.type ?? null });
    });
    page.cleanup();
  }
  const info = await pdf.getMetadata();
  process.stdout.write(JSON.stringify({ pages, text: pages.join('\f'), fonts: [...fonts.values()], info: info.info }));
  await pdf.destroy();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
