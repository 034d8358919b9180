import { DemoProject } from './demo-data.types';
import { NOVUS } from './demo-organisations';

/** The ESF-funded operations: social activation (AS), the youth career centre (KCM) and SPIN. */
export const ESF_PROJECTS: DemoProject[] = [
  {
    code: 'AS',
    name: 'Socialna aktivacija »AS – Aktiviraj se!«',
    description: 'Program socialne aktivacije za osebe iz ranljivih ciljnih skupin v Velenju in Mozirju.',
    lead: NOVUS,
    partners: [
      { organisation: 'Zavod za izobraževanje in usposabljanje USPEŠEN.SI', role: 'partner' },
      { organisation: 'Andragoški zavod Ljudska univerza Velenje', role: 'partner' },
    ],
    places: ['Velenje', 'Mozirje'],
    region: 'Savinjska',
    status: 'completed',
    periods: [{ startDate: '2019-09-23', endDate: '2022-09-30', funders: [{ code: 'MDDSZ' }, { code: 'ESS' }] }],
    indicators: [
      {
        code: 'AS-U1',
        name: 'Število oseb iz ranljivih ciljnih skupin, vključenih v program.',
        kind: 'output',
        unit: 'persons',
        targets: [{ year: 2020, value: '60' }],
        values: [{ value: '62' }],
      },
      {
        code: 'AS-R1',
        name: 'Delež oseb iz ranljivih ciljnih skupin, vključenih v iskanje zaposlitve, izobraževanje/usposabljanje, pridobivanje kvalifikacij ali v zaposlitev ob izhodu – vsaj 25 %.',
        kind: 'result',
        unit: 'percent',
        direction: 'at_least',
        numeratorDefinition: 'Osebe, ki so ob izhodu vključene v iskanje zaposlitve, izobraževanje/usposabljanje, pridobivanje kvalifikacij ali v zaposlitev',
        denominatorDefinition: 'Osebe iz ranljivih ciljnih skupin, vključene v program',
        targets: [{ year: 2020, value: '25' }],
        values: [{ numerator: '25', denominator: '62' }],
      },
    ],
  },
  {
    code: 'KCM',
    name: '»VšečKAM in GREM – Karierni center za mlade«',
    description:
      'Vzpostavitev štirih enot Kariernega centra za mlade za krepitev kompetenc karierne orientacije šolajoče mladine od 6 do 19 let v Kohezijski regiji Vzhodna Slovenija.',
    lead: 'Fundacija za izboljšanje zaposlitvenih možnosti PRIZMA',
    partners: [
      { organisation: NOVUS, role: 'partner', note: 'Enota Velenje' },
      { organisation: 'Razvojno izobraževalni center Novo mesto', role: 'partner' },
      { organisation: 'Podjetniški inkubator Kočevje', role: 'partner' },
    ],
    places: ['Velenje'],
    region: 'Kohezijska regija Vzhodna Slovenija (KRVS)',
    operation: { cohesionRegion: 'Kohezijska regija Vzhodna Slovenija (KRVS)' },
    status: 'completed',
    periods: [{ startDate: '2019-09-06', endDate: '2022-09-30', funders: [{ code: 'MDDSZ' }, { code: 'ESS' }] }],
    indicators: [
      kcm('KCM-1', 'Število aktivnih enot kariernega centra', 'other', '4', '1', { unitLabel: 'enote', aggregation: 'latest' }),
      kcm('KCM-2', 'Število dogodkov o trgu dela in poklicih za učence in dijake', 'events', '190', '42'),
      kcm('KCM-3', 'Število skupinskih dogodkov oziroma aktivnosti za starše', 'events', '25', '6'),
      kcm('KCM-4', 'Število individualnih svetovanj za učence in dijake', 'events', '410', '118', { unitLabel: 'svetovanja' }),
      kcm('KCM-5', 'Število dogodkov za promocijo centra in sodelovanje z deležniki na trgu dela', 'events', '24', '5'),
      // "udeležilo preko 884 otrok"
      velenje('KCM-VE-1', 'Enota Velenje: število otrok, vključenih v aktivnosti', 'persons', '884', undefined, 'more_than'),
      velenje('KCM-VE-2', 'Enota Velenje: število staršev, vključenih v aktivnosti', 'persons', '130'),
      velenje('KCM-VE-3', 'Enota Velenje: število sodelujočih osnovnih šol', 'other', '28', 'šole'),
      velenje('KCM-VE-4', 'Enota Velenje: število sodelujočih srednjih šol', 'other', '7', 'šole'),
      velenje('KCM-VE-5', 'Enota Velenje: število zunanjih izvajalcev', 'other', '5', 'izvajalci'),
      velenje('KCM-VE-6', 'Enota Velenje: število sodelujočih nevladnih organizacij', 'other', '5', 'NVO'),
      velenje('KCM-VE-7', 'Enota Velenje: število deležnikov v strokovnem svetu', 'other', '13', 'deležniki'),
    ],
  },
  {
    code: 'SPIN',
    name: 'Spodbujanje vključevanja oseb, ki so pred izgubo zaposlitve, v ukrepe na trgu dela – Pripravljeni na spremembe v letih 2019, 2020, 2021 in 2022',
    description:
      'Operacija v okviru 8. prednostne osi »Spodbujanje zaposlovanja in mobilnost delovne sile«, vzhodna kohezijska regija. Vir navaja le leta izvajanja 2019–2022, ne točnih datumov.',
    lead: 'INVEL inkubator za razvoj podjetništva d.o.o. Velenje',
    partners: [
      { organisation: NOVUS, role: 'partner' },
      { organisation: 'RACIO RAZVOJ HR & M Consulting d.o.o.', role: 'partner' },
      { organisation: 'Savinjsko-Šaleška gospodarska zbornica', role: 'stakeholder', note: 'predstavnik delodajalcev' },
      { organisation: 'SKEI regijska organizacija Velenje', role: 'stakeholder', note: 'predstavnik delojemalcev' },
    ],
    places: ['Velenje'],
    region: 'Vzhodna kohezijska regija',
    operation: {
      name: 'Spodbujanje vključevanja oseb, ki so pred izgubo zaposlitve, v ukrepe na trgu dela – Pripravljeni na spremembe v letih 2019, 2020, 2021 in 2022',
      priorityAxis: '8. prednostna os »Spodbujanje zaposlovanja in mobilnost delovne sile«',
      cohesionRegion: 'Vzhodna kohezijska regija',
    },
    status: 'completed',
    periods: [{ startDate: '2019-01-01', endDate: '2022-12-31', funders: [{ code: 'RS' }, { code: 'ESS' }] }],
    indicators: [
      { code: 'SPIN-1', name: 'Število oseb, vključenih v aktivnosti »Razvoj kariere«', kind: 'output', unit: 'persons', values: [{ value: '701' }, { partner: NOVUS, value: '98' }] },
      { code: 'SPIN-2', name: 'Število oseb, vključenih v aktivnosti »Razvoj kompetenc«', kind: 'output', unit: 'persons', values: [{ value: '604' }] },
      { code: 'SPIN-3', name: 'Število izvedenih ur usposabljanj', kind: 'output', unit: 'hours', values: [{ value: '22830' }, { partner: NOVUS, value: '5503' }] },
      { code: 'SPIN-4', name: 'Število srečanj s potencialnimi delodajalci in deležniki', kind: 'output', unit: 'events', values: [{ value: '33' }] },
      { code: 'SPIN-5', name: 'Število oseb z ohranjeno ali novo zaposlitvijo', kind: 'result', unit: 'persons', values: [{ value: '225' }] },
      { code: 'SPIN-6', name: 'Število novih lokacij izvajanja', kind: 'output', unit: 'other', unitLabel: 'lokacije', values: [{ value: '13' }] },
      {
        code: 'SPIN-7',
        name: 'Število predavateljev',
        kind: 'output',
        unit: 'persons',
        // "sodelovalo več kot 47 vrhunskih predavateljev, od tega kar 19 … in več kot 28 zunanjih"
        values: [{ value: '47', qualifier: 'more_than', comment: '19 iz partnerstva, več kot 28 zunanjih' }],
      },
      { code: 'SPIN-8', name: 'Število novih sodelujočih podjetij', kind: 'output', unit: 'other', unitLabel: 'podjetja', values: [{ value: '25' }] },
    ],
  },
];

function kcm(
  code: string,
  name: string,
  unit: 'events' | 'other',
  total: string,
  novus: string,
  extra: { unitLabel?: string; aggregation?: 'latest' } = {},
) {
  return { code, name, kind: 'output' as const, unit, ...extra, values: [{ value: total }, { partner: NOVUS, value: novus }] };
}

/** Figures the source gives for Društvo NOVUS's unit in Velenje only: a partner's part, not a total. */
function velenje(code: string, name: string, unit: 'persons' | 'other', value: string, unitLabel?: string, qualifier?: 'more_than') {
  return { code, name, kind: 'output' as const, unit, unitLabel, values: [{ partner: NOVUS, value, qualifier }] };
}
