const PDFDocument = require('pdfkit');
const fs = require('fs');
const d = new PDFDocument();
const out = []; d.on('data', c => out.push(c)); d.on('end', () => process.stdout.write(Buffer.concat(out)));
d.text('Hello Helvetica');
d.font(require('path').join(__dirname.replace('/tmp','/work/main'),'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).text('Čakalna vrsta šž 40,32\u00A0% −5');
d.end();
