import * as fs from 'node:fs';
import * as yaml from 'js-yaml';
import { defaultTemplatesDir } from './template-loader';
import { parseTemplate } from './template-parser';

/** Starts from the shipped ESS file and breaks one thing at a time. */
function essWith(change: (data: Record<string, unknown>) => void): string {
  const text = fs.readFileSync(`${defaultTemplatesDir()}/ess-kazalniki.yaml`, 'utf8');
  const data = yaml.load(text) as Record<string, unknown>;
  change(data);
  return yaml.dump(data);
}

const FILE = 'templates/ess-kazalniki.yaml';

describe('parseTemplate', () => {
  it('names the file, the key path and the known columns for an unknown column', () => {
    const text = essWith((d) => {
      (d.columns as unknown[])[3] = { key: 'foo' };
    });
    expect(() => parseTemplate(text, FILE)).toThrow(
      `${FILE}: columns[3].key "foo" is not a known column (known: zapSt, sifra, naziv, vrsta, merskaEnota,`,
    );
  });

  it('reports a misspelt top-level key', () => {
    const text = essWith((d) => {
      d.colums = d.columns;
    });
    expect(() => parseTemplate(text, FILE)).toThrow(`${FILE}: colums is not a known key (known: id, appliesTo, title,`);
  });

  it('reports a label without its English text', () => {
    const text = essWith((d) => {
      (d.columns as unknown[])[0] = { key: 'naziv', label: { sl: 'Kazalnik' } };
    });
    expect(() => parseTemplate(text, FILE)).toThrow(`${FILE}: columns[0].label.en must be a non-empty text, found nothing`);
  });

  it('reports a section listed twice', () => {
    const text = essWith((d) => {
      d.sections = ['chart', 'indicatorTable', 'chart'];
    });
    expect(() => parseTemplate(text, FILE)).toThrow(`${FILE}: sections[2] "chart" appears more than once`);
  });

  it('reports a threshold that is not a number', () => {
    const text = essWith((d) => {
      d.deviationThresholdPercent = '15 %';
    });
    expect(() => parseTemplate(text, FILE)).toThrow(
      `${FILE}: deviationThresholdPercent must be a number from 0 to 1000, found string "15 %"`,
    );
  });

  it('reports an id that does not match the file name', () => {
    const text = essWith((d) => {
      d.id = 'drugo';
    });
    expect(() => parseTemplate(text, FILE)).toThrow(`${FILE}: id "drugo" does not match the file name (expected "ess-kazalniki")`);
  });

  it('reports broken YAML with its line', () => {
    expect(() => parseTemplate('id: x\ncolumns: [naziv\n', 'templates/x.yaml')).toThrow(
      /^templates\/x\.yaml: is not valid YAML: .* \(line 3, column 1\)$/,
    );
  });

  it('fills the optional keys with defaults', () => {
    const text = essWith((d) => {
      delete d.orientation;
      delete d.grouping;
      delete d.signature;
    });
    const template = parseTemplate(text, FILE);
    expect(template.orientation).toBe('landscape');
    expect(template.grouping).toBe('none');
    expect(template.signature.map((s) => s.key)).toEqual(['krajInDatum', 'odgovornaOseba', 'podpis', 'zig']);
    expect(template.bilingual).toBe(false);
  });
});
