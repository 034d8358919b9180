import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString } from 'pdf-lib';

/**
 * Checks, with a PDF parser (pdf-lib), the PDF/A-2b properties that a renderer can get wrong and
 * that a declaration alone does not make true. Not a full validator (veraPDF checks far more: fonts'
 * glyph widths, colour spaces of every operator, the XMP schema's every property); see the README.
 */
export interface PdfaReport {
  /** Each problem found, in words; empty when all checks pass. */
  problems: string[];
  info: Record<string, string>;
  xmp: Record<string, string>;
  /** Trailer /ID, both halves as hex. */
  id: [string, string];
}

function text(value: unknown): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/** PDF date "D:20210115000000Z" → ISO seconds "2021-01-15T00:00:00Z". */
function pdfDateToIso(value: string): string {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return value;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] === 'Z' || !m[7] ? 'Z' : m[7].replace(/'/g, '')}`;
}

function xmpValue(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return null;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(m[1]);
  return (li ? li[1] : m[1]).trim();
}

export async function checkPdfa(bytes: Buffer): Promise<PdfaReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = doc;
  const problems: string[] = [];

  // One Length per stream: no second, differently spelt key ("/length").
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) continue;
    const keys = object.dict.keys().map((k) => k.asString());
    const lengths = keys.filter((k) => k.toLowerCase() === '/length');
    if (lengths.length !== 1 || lengths[0] !== '/Length') problems.push(`stream ${ref.toString()} has ${lengths.join(', ') || 'no Length'}`);
  }

  // No transparency: no soft masks, no transparency groups, no constant alpha below 1.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    const smask = dict.get(PDFName.of('SMask'));
    if (smask && smask !== PDFName.of('None')) problems.push(`object ${ref.toString()} has a soft mask`);
    const group = dict.lookup(PDFName.of('Group'));
    if (group instanceof PDFDict && group.get(PDFName.of('S')) === PDFName.of('Transparency')) {
      problems.push(`object ${ref.toString()} is a transparency group`);
    }
    for (const key of ['CA', 'ca']) {
      const alpha = dict.get(PDFName.of(key));
      if (alpha instanceof PDFNumber && alpha.asNumber() < 1) problems.push(`object ${ref.toString()} has /${key} ${alpha.asNumber()}`);
    }
  }

  // An output intent with an embedded ICC profile.
  const intents = catalog.lookup(PDFName.of('OutputIntents'));
  const intent = intents instanceof PDFArray && intents.size() > 0 ? intents.lookup(0) : null;
  if (!(intent instanceof PDFDict) || intent.get(PDFName.of('S')) !== PDFName.of('GTS_PDFA1')) {
    problems.push('no GTS_PDFA1 output intent');
  } else if (!(intent.lookup(PDFName.of('DestOutputProfile')) instanceof PDFStream)) {
    problems.push('the output intent has no ICC profile');
  }

  // XMP metadata, uncompressed, agreeing with the Info dictionary.
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  let xml = '';
  if (!(metadata instanceof PDFRawStream)) problems.push('no XMP metadata stream');
  else {
    if (metadata.dict.get(PDFName.of('Filter'))) problems.push('the XMP metadata stream is compressed');
    xml = Buffer.from(metadata.getContents()).toString('utf8');
  }
  const infoRef = context.trailerInfo.Info;
  const infoDict = infoRef ? context.lookup(infoRef) : null;
  const info: Record<string, string> = {};
  if (infoDict instanceof PDFDict) {
    for (const [key, value] of infoDict.entries()) {
      // pdfkit writes each entry as an indirect object.
      const t = text(value instanceof PDFRef ? context.lookup(value) : value);
      if (t !== null) info[key.asString().slice(1)] = t;
    }
  } else problems.push('no Info dictionary');
  const xmp: Record<string, string> = {};
  const pairs: [string, string, (v: string) => string][] = [
    ['Title', 'dc:title', (v) => v],
    ['Author', 'dc:creator', (v) => v],
    ['Subject', 'dc:description', (v) => v],
    ['Keywords', 'pdf:Keywords', (v) => v],
    ['Producer', 'pdf:Producer', (v) => v],
    ['Creator', 'xmp:CreatorTool', (v) => v],
    ['CreationDate', 'xmp:CreateDate', pdfDateToIso],
    ['ModDate', 'xmp:ModifyDate', pdfDateToIso],
  ];
  for (const [key, tag, normalise] of pairs) {
    const inXmp = xmpValue(xml, tag);
    if (inXmp !== null) xmp[tag] = inXmp;
    const inInfo = info[key];
    if (inInfo === undefined && inXmp === null) continue;
    if (inInfo === undefined || inXmp === null || normalise(inInfo) !== inXmp) {
      problems.push(`Info /${key} (${inInfo ?? 'missing'}) and XMP ${tag} (${inXmp ?? 'missing'}) disagree`);
    }
  }
  const metadataDate = xmpValue(xml, 'xmp:MetadataDate');
  if (metadataDate !== null) xmp['xmp:MetadataDate'] = metadataDate;
  if (xmpValue(xml, 'pdfaid:part') !== '2' || xmpValue(xml, 'pdfaid:conformance') !== 'B') problems.push('XMP does not declare PDF/A-2b');

  const ids = context.trailerInfo.ID;
  const idArray = ids instanceof PDFArray ? ids : null;
  const id: [string, string] = idArray
    ? [0, 1].map((i) => (idArray.get(i) as PDFHexString).asString()) as [string, string]
    : ['', ''];
  if (!idArray) problems.push('no trailer /ID');
  return { problems, info, xmp, id };
}
