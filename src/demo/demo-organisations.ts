import { DemoFunder, DemoOrganisation } from './demo-data.types';

export const NOVUS = 'Društvo NOVUS';

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { name: NOVUS, shortName: 'NOVUS', kind: 'ngo', place: 'Velenje' },
  { name: 'Zavod za izobraževanje in usposabljanje USPEŠEN.SI', shortName: 'Uspešen.si', kind: 'ngo' },
  { name: 'Andragoški zavod Ljudska univerza Velenje', shortName: 'LU Velenje', kind: 'public_institute', place: 'Velenje' },
  { name: 'Fundacija za izboljšanje zaposlitvenih možnosti PRIZMA', shortName: 'PRIZMA', kind: 'ngo' },
  { name: 'Razvojno izobraževalni center Novo mesto', shortName: 'RIC Novo mesto', kind: 'public_institute', place: 'Novo mesto' },
  { name: 'Podjetniški inkubator Kočevje', kind: 'public_institute', place: 'Kočevje' },
  { name: 'INVEL inkubator za razvoj podjetništva d.o.o. Velenje', shortName: 'INVEL', kind: 'company', place: 'Velenje' },
  { name: 'RACIO RAZVOJ HR & M Consulting d.o.o.', shortName: 'RACIO RAZVOJ', kind: 'company' },
  { name: 'Savinjsko-Šaleška gospodarska zbornica', kind: 'other' },
  { name: 'SKEI regijska organizacija Velenje', kind: 'other', place: 'Velenje' },
  { name: 'Mladinski center Dravinjske doline', shortName: 'MCDD', kind: 'ngo', place: 'Slovenske Konjice' },
  { name: 'Zavod Vozim', kind: 'ngo' },
  { name: 'Andragoško društvo Univerza za III. življenjsko obdobje Velenje', kind: 'ngo', place: 'Velenje' },
  { name: 'Savinja, Zavod za razvoj podeželja in turizma', kind: 'ngo' },
  { name: 'Kmetijsko gospodarska zbornica Slovenije - Zavod Celje', shortName: 'KGZS Zavod Celje', kind: 'public_institute', place: 'Celje' },
  { name: 'Savinjsko-Šaleška območna razvojna agencija', shortName: 'SAŠA', kind: 'public_institute' },
  { name: 'Društvo za razvijanje prostovoljnega dela Novo mesto', kind: 'ngo', place: 'Novo mesto' },
  { name: 'Mladinski center BIT', kind: 'ngo', place: 'Novo mesto' },
  { name: 'Mestna občina Velenje', kind: 'municipality', place: 'Velenje' },
  { name: 'Občina Šmartno ob Paki', kind: 'municipality', place: 'Šmartno ob Paki' },
  { name: 'Mestna občina Novo mesto', kind: 'municipality', place: 'Novo mesto' },
];

export const DEMO_FUNDERS: DemoFunder[] = [
  { code: 'MDDSZ', name: 'Ministrstvo za delo, družino, socialne zadeve in enake možnosti', kind: 'ministry' },
  { code: 'MJU', name: 'Ministrstvo za javno upravo', kind: 'ministry' },
  { code: 'ESS', name: 'Evropska unija iz Evropskega socialnega sklada', kind: 'eu_fund' },
  { code: 'RS', name: 'Republika Slovenija', kind: 'ministry' },
  { code: 'MO-VELENJE', name: 'Mestna občina Velenje', kind: 'municipality' },
  { code: 'O-SMARTNO', name: 'Občina Šmartno ob Paki', kind: 'municipality' },
  { code: 'MO-NOVO-MESTO', name: 'Mestna občina Novo mesto', kind: 'municipality' },
  { code: 'LAS-ZSSD', name: 'LAS Zgornje Savinjske in Šaleške doline', kind: 'las' },
];

export const MJU_HUB_CALL = 'Javni razpis za podporno okolje za razvoj nevladnih organizacij 2019–2023';
export const MJU_PROFESSIONALISATION_CALL = 'JR za razvoj in profesionalizacijo NVO in prostovoljstva 2019';

export const DEMO_PUBLIC_CALLS = [
  { funder: 'MJU', name: MJU_HUB_CALL, reference: 'Sklad za razvoj NVO' },
  { funder: 'MJU', name: MJU_PROFESSIONALISATION_CALL, reference: null },
];

export const SAVINJSKA_MUNICIPALITIES = [
  'Braslovče', 'Celje', 'Dobje', 'Dobrna', 'Gornji Grad', 'Kozje', 'Laško', 'Ljubno', 'Luče', 'Mozirje', 'Nazarje',
  'Podčetrtek', 'Polzela', 'Prebold', 'Rečica ob Savinji', 'Rogaška Slatina', 'Rogatec', 'Slovenske Konjice', 'Solčava',
  'Šentjur', 'Šmarje pri Jelšah', 'Šmartno ob Paki', 'Šoštanj', 'Štore', 'Tabor', 'Velenje', 'Vitanje', 'Vransko',
  'Vojnik', 'Zreče', 'Žalec',
];

export const JV_MUNICIPALITIES = [
  'Novo mesto', 'Dolenjske Toplice', 'Mirna Peč', 'Šentjernej', 'Šmarješke Toplice', 'Škocjan', 'Straža', 'Žužemberk',
  'Trebnje', 'Mokronog-Trebelno', 'Šentrupert', 'Mirna', 'Črnomelj', 'Semič', 'Metlika', 'Kočevje', 'Kostel', 'Osilnica',
  'Ribnica', 'Sodražica', 'Loški Potok',
];
