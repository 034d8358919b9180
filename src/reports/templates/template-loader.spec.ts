import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listTemplates, loadTemplate, templateIds } from './template-loader';

describe('shipped templates', () => {
  it('are the three known layouts', () => {
    expect(templateIds()).toEqual(expect.arrayContaining(['ess-kazalniki', 'mju-sticisce', 'splosno-dvojezicno']));
  });

  it.each(['ess-kazalniki', 'mju-sticisce', 'splosno-dvojezicno'])('%s loads and validates', (id) => {
    const template = loadTemplate(id);
    expect(template.id).toBe(id);
    expect(template.columns.length).toBeGreaterThan(0);
    // Every template shows the indicators: as one table, or per result area with the area's text.
    expect(template.sections.map((s) => s.key)).toEqual(expect.arrayContaining([id === 'mju-sticisce' ? 'resultAreas' : 'indicatorTable']));
  });

  it('lists every file in the folder', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(templateIds());
  });

  it('gives the ESS table the columns of the AS report', () => {
    const ess = loadTemplate('ess-kazalniki');
    expect(ess.columns.slice(0, 5).map((c) => c.label?.sl ?? c.key)).toEqual([
      'sifra',
      'naziv',
      'vrsta',
      'Predvidene vrednosti',
      'Dosežene vrednosti',
    ]);
  });

  it('declares which funders\u2019 and calls\u2019 forms the templates are', () => {
    expect(loadTemplate('ess-kazalniki').appliesTo).toEqual({ funders: ['ESS'], calls: [] });
    expect(loadTemplate('mju-sticisce').appliesTo?.calls).toEqual(['Javni razpis za podporno okolje za razvoj nevladnih organizacij 2019–2023']);
    expect(loadTemplate('splosno-dvojezicno').appliesTo).toBeNull();
  });

  it('groups the MJU hub report by result area', () => {
    expect(loadTemplate('mju-sticisce').grouping).toBe('resultArea');
  });

  it('marks the general template bilingual', () => {
    expect(loadTemplate('splosno-dvojezicno').bilingual).toBe(true);
  });
});

describe('loadTemplate errors', () => {
  it('refuses an id that could leave the folder', () => {
    expect(() => loadTemplate('../package')).toThrow('is not a valid template id');
  });

  it('names a missing file and the known ones', () => {
    expect(() => loadTemplate('ni-ga')).toThrow(/templates\/ni-ga\.yaml: does not exist \(known: ess-kazalniki/);
  });

  it('names a bad file in another folder with its path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'templates-'));
    try {
      fs.writeFileSync(path.join(dir, 'x.yaml'), 'id: x\ntitle: Naslov\n');
      expect(() => loadTemplate('x', dir)).toThrow(`${path.join(dir, 'x.yaml')}: title must be a mapping`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
