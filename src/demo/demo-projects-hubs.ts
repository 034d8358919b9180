import { DemoIndicator, DemoProject } from './demo-data.types';
import { NOVUS_HUB_NARRATIVES } from './demo-narratives-hubs';
import { JV_MUNICIPALITIES, MJU_HUB_CALL, MJU_PROFESSIONALISATION_CALL, NOVUS, SAVINJSKA_MUNICIPALITIES } from './demo-organisations';

/** The MJU-funded NGO support programmes: the two regional hubs and the strategic partnership. */
export const HUB_PROJECTS: DemoProject[] = [
  {
    code: 'NOVUS-HUB',
    name: 'Regionalno stičišče NVO Savinjske regije NOVUS',
    description: 'Regionalno stičišče nevladnih organizacij Savinjske regije; deluje od 1. 1. 2016.',
    lead: NOVUS,
    partners: [{ organisation: 'Mladinski center Dravinjske doline', role: 'partner' }],
    places: SAVINJSKA_MUNICIPALITIES,
    region: 'Savinjska',
    status: 'completed',
    periods: [{ startDate: '2019-10-01', endDate: '2023-09-30', publicCall: MJU_HUB_CALL, funders: [{ code: 'MJU' }] }],
    resultAreas: [
      { code: 'RP1', name: 'Informiranje' },
      { code: 'RP2', name: 'Krepitev NVO' },
      { code: 'RP3', name: 'Zagovorništvo' },
      { code: 'RP4', name: 'Partnerstva' },
      { code: 'RP5', name: 'Trajnostne storitve' },
      { code: 'RP6', name: 'Ostalo' },
    ],
    indicators: [
      hub('RP1', 'HUB-1.1', 'Število informiranih posameznikov', 'persons', '683'),
      hub('RP1', 'HUB-1.2', 'Število izvedenih strokovnih posvetov', 'events', '1', undefined, 'Mozirje'),
      hub('RP1', 'HUB-1.3', 'Število objav na spletni strani', 'other', '636', 'objave'),
      hub('RP1', 'HUB-1.4', 'Število objav na Facebooku', 'other', '2500', 'objave'),
      hub('RP1', 'HUB-1.5', 'Število tiskanih publikacij', 'other', '2', 'publikacije'),
      hub('RP1', 'HUB-1.6', 'Število e-priročnikov', 'other', '1', 'e-priročniki'),
      hub('RP2', 'HUB-2.1', 'Število vključenih NVO s potencialom', 'other', '3', 'NVO'),
      hub('RP2', 'HUB-2.2', 'Število usposabljanj Akademije civilnega dialoga', 'events', '2'),
      hub('RP2', 'HUB-2.3', 'Število usposabljanj Akademije komuniciranja', 'events', '4'),
      hub('RP2', 'HUB-2.4', 'Število usposabljanj Akademije organizacijskega razvoja', 'events', '1'),
      hub('RP2', 'HUB-2.5', 'Število izvedenih delavnic', 'events', '26'),
      hub('RP2', 'HUB-2.6', 'Število ur mentorstva', 'hours', '205'),
      hub('RP2', 'HUB-2.7', 'Število ur svetovanja', 'hours', '512'),
      hub('RP2', 'HUB-2.8', 'Število novih storitev NVO', 'other', '17', 'storitve'),
      hub('RP3', 'HUB-3.1', 'Število uspešnih zagovorniških procesov', 'other', '1', 'procesi', 'Strategija športa Občine Slovenske Konjice 2020–2030'),
      hub('RP3', 'HUB-3.2', 'Število uporabnikov storitvene podpore', 'persons', '163'),
      hub('RP4', 'HUB-4.1', 'Število delujočih partnerstev', 'other', '3', 'partnerstva', 'S 5, 12 in 10 partnerji'),
      hub('RP4', 'HUB-4.2', 'Število skupnih akcij', 'events', '8'),
      hub('RP5', 'HUB-5.1', 'Število vzpostavljenih trajnostnih storitev', 'other', '2', 'storitve'),
      hub('RP6', 'HUB-6.1', 'Število projektnih predlogov za Sklad za pravični prehod', 'other', '2', 'predlogi'),
    ],
    narratives: NOVUS_HUB_NARRATIVES,
  },
  {
    code: 'MREZA',
    name: 'Strateško partnerstvo »Mreža«',
    description:
      'Partnerstvo obravnava izziv socialne izključenosti različnih ranljivih skupin prebivalstva po načelu »delujemo lokalno in s povezovanjem učinkujemo globalno«.',
    lead: 'Mladinski center Dravinjske doline',
    partners: [
      { organisation: NOVUS, role: 'partner' },
      { organisation: 'Zavod za izobraževanje in usposabljanje USPEŠEN.SI', role: 'partner' },
      { organisation: 'Zavod Vozim', role: 'partner' },
      { organisation: 'Andragoško društvo Univerza za III. življenjsko obdobje Velenje', role: 'partner' },
    ],
    places: ['Celje', 'Velenje', 'Slovenske Konjice'],
    region: 'Savinjska',
    status: 'completed',
    periods: [{ startDate: '2019-11-01', endDate: '2022-01-31', publicCall: MJU_PROFESSIONALISATION_CALL, funders: [{ code: 'MJU' }] }],
    indicators: [
      simple('MREZA-1', 'Število izdelanih akcijskih načrtov', 'other', '3', 'načrti', 'MO Celje, MO Velenje, Občina Slovenske Konjice'),
      simple('MREZA-2', 'Število skupnih partnerskih usposabljanj', 'events', '5'),
      simple('MREZA-3', 'Število individualnih usposabljanj na nivoju partnerja', 'events', '5'),
      simple('MREZA-4', 'Število razvitih in izvajanih novih storitev za ranljive ciljne skupine', 'other', '11', 'storitve'),
      { ...simple('MREZA-5', 'Število oseb iz ranljivih ciljnih skupin, nagovorjenih skozi nove storitve', 'persons', '1000'), values: [{ value: '1000', qualifier: 'at_least' }] },
      {
        code: 'MREZA-6',
        name: 'Pridobljena sredstva partnerskih organizacij',
        kind: 'result',
        unit: 'eur',
        aggregation: 'cumulative',
        values: [{ value: '250109.76', comment: 'Od 1. 11. 2019 do 1. 1. 2021' }],
      },
      simple('MREZA-7', 'Število organizacij in institucij, katerih potrebe spremljamo', 'other', '100', 'organizacije', 'Izvedeni 2 različni anketi v letu 2020'),
    ],
  },
  {
    code: 'JV-HUB',
    name: 'Regijski NVO center – Stičišče nevladnih organizacij regije Jugovzhodna Slovenija',
    description:
      'Stičišče deluje od leta 2008 na območju statistične regije Jugovzhodna Slovenija (6 upravnih enot, 21 občin). Mestna občina Novo mesto sofinancira dodaten obseg nalog.',
    lead: 'Društvo za razvijanje prostovoljnega dela Novo mesto',
    partners: [{ organisation: 'Mladinski center BIT', role: 'partner' }],
    places: JV_MUNICIPALITIES,
    region: 'Jugovzhodna Slovenija',
    status: 'completed',
    periods: [
      {
        startDate: '2019-10-01',
        endDate: '2023-09-30',
        amountEur: '382188.56',
        publicCall: MJU_HUB_CALL,
        funders: [{ code: 'MJU', amountEur: '382188.56' }, { code: 'MO-NOVO-MESTO' }],
      },
    ],
    objectives: [
      { code: 'SC1', name: 'Okrepiti nevladne organizacije tako, da se bodo lažje odzivale na aktualne potrebe občanov in prevzele večjo vlogo pri razvoju skupnosti.' },
      { code: 'SC2', name: 'Vzpostaviti okolje, ki omogoča učinkovito delo nevladnih organizacij.' },
      { code: 'SC3', name: 'Zagotoviti trajnost stičišča kot servisa in zagovornika nevladnih organizacij ter kot povezovalca vseh sektorjev in akterjev v regiji JV Slovenija.' },
    ],
    resultAreas: [
      { code: 'PR1', name: 'Povečana usposobljenost nevladnih organizacij za zadovoljevanje lokalnih potreb', objective: 'SC1' },
      { code: 'PR2', name: 'Izboljšani pogoji za delovanje NVO in za reševanje lokalnih izzivov', objective: 'SC2' },
      { code: 'PR3', name: 'Vzpostavljena učinkovita večsektorska partnerstva, ki rešujejo lokalne izzive', objective: 'SC3' },
      { code: 'PR4', name: 'Nove trajnostno naravnane storitve NVO, ki prispevajo k reševanju lokalnih potreb', objective: 'SC3' },
    ],
    indicators: [
      {
        // "… v zadnjih štirih letih razvile 13 novih storitev": a total over four years the source does
        // not date more precisely, so a running total, shown "to date", never as the year's figure.
        code: 'JV-4.1',
        name: 'Število novih storitev NVO, ki so jih NVO s podporo stičišča razvile v zadnjih štirih letih',
        kind: 'result',
        unit: 'other',
        unitLabel: 'storitve',
        aggregation: 'cumulative',
        resultArea: 'PR4',
        values: [{ value: '13', comment: 'Turizem, varovanje okolja, šport, družabno življenje, preventiva in izobraževanje; vir ne navaja, katera štiri leta' }],
      },
    ],
  },
];

function simple(code: string, name: string, unit: DemoIndicator['unit'], value: string, unitLabel?: string, comment?: string): DemoIndicator {
  return { code, name, kind: 'output', unit, unitLabel, values: [{ value, comment }] };
}

function hub(resultArea: string, code: string, name: string, unit: DemoIndicator['unit'], value: string, unitLabel?: string, comment?: string): DemoIndicator {
  return { ...simple(code, name, unit, value, unitLabel, comment), resultArea };
}
