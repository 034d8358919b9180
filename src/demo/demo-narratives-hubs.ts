import type { DemoNarrative } from './demo-data.types';

/**
 * What Regionalno stičišče NVO Savinjske regije NOVUS wrote about 2020 under each result area of the
 * call (shared/seeds/002_0142a89f429ef672.txt, »Doseženi rezultati v letu 2020«), word for word:
 * only the line breaks of the leaflet's columns are undone (hyphenated words joined; "v v" at a
 * line break written once) and each bullet is a paragraph. The leaflet's two columns put the
 * bullets of 1 (Informiranje) and 2 (Krepitev NVO) side by side; they are assigned to the area
 * whose figures they give, as the demo facts do.
 */
export const NOVUS_HUB_NARRATIVES: DemoNarrative[] = [
  {
    resultArea: 'RP1',
    text: [
      'Neposredno ciljno informiranje NVO preko elektronske in navadne pošte, po telefonu, osebno v informacijski pisarni ter preko videokonferenc – 683 informiranih posameznikov.',
      'Izvedba konferenc, posvetov, okroglih miz – 1. strokovni posvet – Mozirje.',
      'Spletna stran www.sticisce-novus.si – 636 objav na spletni strani.',
      'Facebook profil Sticisce Novus (sticiscenvoNOVUS) – 2.500 objav na FB.',
      'Periodično izdajanje tiskane Publikacije regionalnega stičišča NOVUS – 2 izdani tiskani in e-publikaciji stičišča – dobre zgodbe NVO v Savinjski regiji, 1 izdan tiskan in e-priročnik za e-seniorje – https://www.sticisce-novus.si/publikacije-regionalnega-sticisca-novus.',
      'Dodatno smo koordinirali oblikovanje skupne blagovne znamke regionalnih stičišč NVO ZaNVO – https://zanvo.org/.',
    ].join('\n\n'),
  },
  {
    resultArea: 'RP2',
    text: [
      'NVO s potencialom – nevladne organizacije na območju Savinjske regije se imajo možnost kot NVO s potencialom vključiti v programe krepitve na različnih področjih – 3 aktivno vključeni NVO s potencialom.',
      [
        'Izvedena usposabljanja za NVO s potencialom in ostale NVO v Savinjski regiji skozi naslednje akademije: akademija za zbiranja sredstev in projektne prijave, akademija za civilni dialog in zagovorništvo, akademija za komuniciranje in akademija za organizacijski razvoj:',
        '- 2 usposabljanji v okviru Akademije za civilni dialog in zagovorništvo,',
        '- 4 usposabljanja v okviru Akademije za komuniciranje,',
        '- 1 usposabljanje v okviru Akademije za organizacijski razvoj.',
      ].join('\n'),
      'Skupno smo v letu 2020 izvedli 26 delavnic z različnih področij, 205 ur mentorstev, 512 ur svetovanj in pripomogli k 17 novo razvitih storitev NVO.',
    ].join('\n\n'),
  },
  {
    resultArea: 'RP3',
    text: [
      'Skozi celotno leto tečejo procesi zagovorništva na območju Savinjske regije v različnih občinah, in sicer glede na zaznane trenutne potrebe v okolju pomagamo in aktivno pristopamo k zagovorništvu pri spremembah lokalnih/regionalnih politik na različnih območjih.',
      'V letu 2020 smo uspešno izpeljali proces zagovorništva v občini Slovenske Konjice. Rezultat procesa pa je sprejeta Strategija za razvoj športa v občini Slovenske Konjice 2020–2030.',
      'Dodatne aktivnosti: izvajanje aktivnosti servisne podpore in storitev za NVO v regiji – kontinuirano mesečno izvajanje podpore in storitev v informacijskih pisarnah oz. na lokaciji stičišča v Velenju in Slovenskih Konjicah, po potrebi tudi v drugih enotah v regiji – 163 uporabnikov storitev servisne podpore.',
    ].join('\n\n'),
  },
  {
    resultArea: 'RP4',
    text: [
      [
        'V letu 2020 smo vzpostavili 3 delujoča in učinkovita partnerstva:',
        '1. Lokalna skupina partnerstvo za spodbujanje prostovoljstva – Velenje – sodelujočih 5 partnerjev.',
        '2. Lokalna skupina za medkulturno sobivanje – Velenje – sodelujočih 12 partnerjev.',
        '3. Lokalna partnerska mreža – (spletna) učna pomoč – Slovenske Konjice – sodelujočih 10 partnerjev.',
      ].join('\n'),
      [
        'V sklopu vzpostavljenih partnerstev smo izvedli 8 skupnih akcij za reševanje lokalnih potreb:',
        '– Reševanje dostopnosti do nujnih življenjskih dobrin za starejše;',
        '– Žinkana;',
        '– Ker smo skupaj močnejši;',
        '– Čistilna akcija KŠDD;',
        '– Vzpostavitev spletne učne pomoči;',
        '– Slovenščina za vsakogar;',
        '– Medkulturni dan – dan albanske kulture;',
        '– Online usposabljanje za albanske matere in njihove otroke.',
      ].join('\n'),
    ].join('\n\n'),
  },
  {
    resultArea: 'RP5',
    text: [
      'V letu 2020 smo izvajali številne aktivnosti za oblikovanje trajnostnih storitev za naslavljanje lokalnih potreb, in sicer:',
      '– vzpostavitev in delovanje Enotne točke za integracijo tujcev v Slovenskih Konjicah (vključevanje albanskih žensk v programe za lažje komuniciranje in integracijo v okolje in slovensko kulturo) in',
      '– vzpostavitev in delovanje Programa medgeneracijskih družabniških aktivnosti v Velenju (aktivnosti za družabništvo in digitalno aktiviranje starejših posameznikov).',
    ].join('\n'),
  },
  {
    resultArea: 'RP6',
    text: [
      'Aktivno smo se vključili v aktivnosti za spodbujanje sodelovanja NVO sektorja pri pripravi strategij razvoja regije in akcijskih načrtov in vzpostavitev trajnega dialoga med regionalnim stičiščem in regionalno razvojno agencijo glede vpliva na regionalne razvojne politike, in sicer:',
      '– Sklad za pravični prehod (JTF)\nVzpostavili smo projektna čezsektorska partnerstva in pripravili dva projektna predloga za reševanje težav na področju razvoja človeških virov, zaposlovanja in prekvalifikacije zaposlenih v panogah v prestrukturiranju v procesu prestrukturiranja regij Zasavje in SAŠA v sklopu Sklada za pravični prehod, in sicer projektni predlog »RE-AKT« in projektni predlog »Center prihodnosti«.',
      '– Razvojni svet Savinjsko-Šaleške regije\nAktivno sodelujemo v okviru Razvojnih odborov Razvojne agencije SAŠA, in sicer Odbora za nizkoogljično, zeleno in povezano SAŠO ter Odbora za socialno SAŠO ter na sejah vseh odborov za pripravo Območnega razvojnega programa SAŠA regije 2021–2027.',
    ].join('\n\n'),
  },
];
