import { DemoIndicator, DemoProject } from './demo-data.types';
import { NOVUS } from './demo-organisations';

/** Locally co-funded programmes: the family centre, the LAS operation and the Velenje youth projects. */
export const LOCAL_PROJECTS: DemoProject[] = [
  {
    code: 'HARMONIJA',
    name: 'Center za družine Harmonija',
    description: 'Preventivni program na področju družine, ki ga Društvo NOVUS izvaja od leta 2008; aktivnosti so za uporabnike brezplačne.',
    lead: NOVUS,
    partners: [],
    places: ['Velenje', 'Šmartno ob Paki'],
    region: 'Savinjska',
    status: 'completed',
    periods: [{ startDate: '2017-01-01', endDate: '2020-12-31', funders: [{ code: 'MDDSZ' }, { code: 'MO-VELENJE' }, { code: 'O-SMARTNO' }] }],
    resultAreas: [
      { code: 'H1', name: 'Neformalno druženje' },
      { code: 'H2', name: 'Odzivno in senzibilno starševstvo' },
      { code: 'H3', name: 'Zdrav življenjski slog' },
      { code: 'H4', name: 'Počitniške aktivnosti in občasno varstvo otrok' },
    ],
    indicators: [
      area('H1', 'HAR-1', 'Število uporabnikov neformalnega druženja', 'persons', '768'),
      area('H2', 'HAR-2', 'Število izobraževalnih delavnic oziroma predavanj', 'events', '12'),
      area('H2', 'HAR-3', 'Število pogovornih delavnic o pozitivnem starševstvu', 'events', '18'),
      area('H2', 'HAR-4', 'Število treningov starševstva', 'events', '18'),
      area('H2', 'HAR-5', 'Število uporabnikov vsebin pozitivnega starševstva', 'persons', '386'),
      area('H3', 'HAR-6', 'Število aktivnosti za zdrav življenjski slog', 'events', '51'),
      area('H3', 'HAR-7', 'Število uporabnikov aktivnosti za zdrav življenjski slog', 'persons', '398'),
      area('H4', 'HAR-8', 'Število uporabnikov počitniških aktivnosti in občasnega varstva otrok', 'persons', '748'),
    ],
  },
  {
    code: 'JEJMO-LOKALNO',
    name: 'Jejmo lokalno – povečanje stopnje prehranske samooskrbe v SAŠA regiji: ozaveščanje javnosti',
    description:
      'Operacija LAS Zgornje Savinjske in Šaleške doline. Vir navaja skupne vrednosti za celotno obdobje operacije (1. 9. 2018 – 30. 12. 2020), zato so kazalniki kumulativni.',
    lead: 'Andragoški zavod Ljudska univerza Velenje',
    partners: [
      { organisation: NOVUS, role: 'partner' },
      { organisation: 'Savinja, Zavod za razvoj podeželja in turizma', role: 'partner' },
      { organisation: 'Kmetijsko gospodarska zbornica Slovenije - Zavod Celje', role: 'partner' },
      { organisation: 'Savinjsko-Šaleška območna razvojna agencija', role: 'partner' },
    ],
    places: ['Velenje'],
    region: 'SAŠA regija',
    status: 'completed',
    periods: [{ startDate: '2018-09-01', endDate: '2020-12-30', funders: [{ code: 'LAS-ZSSD' }] }],
    indicators: [
      total('JL-1', 'Število delavnic za otroke', 'events', '75'),
      total('JL-2', 'Število otrok, vključenih v delavnice', 'persons', '1373'),
      total('JL-3', 'Število delavnic za starejše', 'events', '10'),
      total('JL-4', 'Število starejših, vključenih v delavnice', 'persons', '103'),
      total('JL-5', 'Število delavnic za kmete in brezposelno podeželsko mladino', 'events', '20', 'Na 10 različnih temah'),
      total('JL-6', 'Število kmetov in brezposelnih mladih s podeželja, vključenih v delavnice', 'persons', '274'),
      total('JL-7', 'Število izvedenih konferenc', 'events', '1', 'Konferenca v letu 2020'),
      total('JL-8', 'Število ohranjenih delovnih mest (polovični delovni čas)', 'other', '1', 'polovična zaposlitev'),
    ],
  },
  {
    code: 'VELENJE-MLADI',
    name: 'Mladinski projekti Društva NOVUS, sofinancirani s strani Mestne občine Velenje',
    description: 'V letu 2020 sta bila izvedena projekta Poslovni bonton in Predstavitev poklicev.',
    lead: NOVUS,
    partners: [],
    places: ['Velenje'],
    region: 'Savinjska',
    status: 'completed',
    periods: [{ startDate: '2020-01-01', endDate: '2020-12-31', funders: [{ code: 'MO-VELENJE' }] }],
    resultAreas: [
      { code: 'PB', name: 'Poslovni bonton' },
      { code: 'PP', name: 'Predstavitev poklicev' },
    ],
    indicators: [
      { ...area('PB', 'VM-1', 'Število usposobljenih mladih – Poslovni bonton', 'persons', '120'), values: [{ value: '120', qualifier: 'approximately', comment: '»usposobili cca 120 mladih«' }] },
      { ...area('PP', 'VM-2', 'Število vključenih mladih – Predstavitev poklicev', 'persons', '120'), values: [{ value: '120', qualifier: 'approximately', comment: '»usposobili cca 120 mladih«' }] },
    ],
  },
];

function area(resultArea: string, code: string, name: string, unit: DemoIndicator['unit'], value: string, comment?: string): DemoIndicator {
  return { code, name, kind: 'output', unit, resultArea, values: [{ value, comment }] };
}

/** A running total for the whole operation, entered at its end. */
function total(code: string, name: string, unit: DemoIndicator['unit'], value: string, comment?: string): DemoIndicator {
  const note = ['Skupaj za obdobje 1. 9. 2018 – 30. 12. 2020', comment].filter(Boolean).join('; ');
  return {
    code,
    name,
    kind: 'output',
    unit,
    unitLabel: unit === 'other' ? 'delovna mesta' : undefined,
    aggregation: 'cumulative',
    values: [{ value, comment: note }],
  };
}
