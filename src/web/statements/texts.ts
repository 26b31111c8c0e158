import type { Language } from '../../domain/language.ts';

/** The footer every page ends with: who runs the service, how to reach them, and the two statements. */
export const FOOTER = {
  nb: {
    label: 'Om tjenesten',
    owner: 'KOSTRA-innsamlingen drives av Statistisk sentralbyrå (SSB).',
    contact: 'Kontakt SSB',
    privacy: 'Personvern',
    accessibility: 'Tilgjengelighetserklæring',
  },
  nn: {
    label: 'Om tenesta',
    owner: 'KOSTRA-innsamlinga blir driven av Statistisk sentralbyrå (SSB).',
    contact: 'Kontakt SSB',
    privacy: 'Personvern',
    accessibility: 'Tilgjengelegheitserklæring',
  },
  en: {
    label: 'About the service',
    owner: 'The KOSTRA collection is run by Statistics Norway (SSB).',
    contact: 'Contact Statistics Norway',
    privacy: 'Privacy',
    accessibility: 'Accessibility statement',
  },
} as const satisfies Record<Language, Record<string, string>>;

export const CONTACT_URL = 'https://www.ssb.no/omssb/kontakt-oss';
/** Where Norwegian public services publish their accessibility statements (Digdir's uustatus). */
export const UUSTATUS_URL = 'https://www.uustatus.no/';

export interface Statement {
  readonly title: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

export const ACCESSIBILITY: Record<Language, Statement> = {
  nb: {
    title: 'Tilgjengelighetserklæring',
    sections: [
      {
        heading: 'Krav og status',
        paragraphs: [
          'Tjenesten skal oppfylle WCAG 2.1 på nivå AA, som forskrift om universell utforming av IKT-løsninger krever av offentlige nettsteder.',
          'Hver side kontrolleres automatisk med axe-core i en ekte nettleser ved bredde 1280, 768 og 390 piksler før en ny versjon tas i bruk, og skjemaene kan fylles ut med tastatur alene.',
        ],
      },
      {
        heading: 'Kjente mangler',
        paragraphs: [
          'Store tabeller for statistikere rulles sideveis på smale skjermer. Diagrammer har en tekst og en tabell med de samme tallene.',
        ],
      },
      {
        heading: 'Gi tilbakemelding',
        paragraphs: [
          'Finner du noe som ikke fungerer for deg, kontakt SSB. Erklæringen for offentlige virksomheter publiseres i Digdirs løsning uustatus.no.',
        ],
      },
    ],
  },
  nn: {
    title: 'Tilgjengelegheitserklæring',
    sections: [
      {
        heading: 'Krav og status',
        paragraphs: [
          'Tenesta skal oppfylle WCAG 2.1 på nivå AA, som forskrift om universell utforming av IKT-løysingar krev av offentlege nettstader.',
          'Kvar side blir kontrollert automatisk med axe-core i ein ekte nettlesar ved breidd 1280, 768 og 390 pikslar før ein ny versjon blir teken i bruk, og skjemaa kan fyllast ut med tastatur aleine.',
        ],
      },
      {
        heading: 'Kjende manglar',
        paragraphs: [
          'Store tabellar for statistikarar blir rulla sidelengs på smale skjermar. Diagram har ein tekst og ein tabell med dei same tala.',
        ],
      },
      {
        heading: 'Gi tilbakemelding',
        paragraphs: [
          'Finn du noko som ikkje fungerer for deg, kontakt SSB. Erklæringa for offentlege verksemder blir publisert i Digdirs løysing uustatus.no.',
        ],
      },
    ],
  },
  en: {
    title: 'Accessibility statement',
    sections: [
      {
        heading: 'Requirement and status',
        paragraphs: [
          'The service is to meet WCAG 2.1 level AA, as the Norwegian regulation on universal design of ICT requires of public websites.',
          'Every page is checked automatically with axe-core in a real browser at 1280, 768 and 390 pixels wide before a new version is used, and the forms can be filled in with the keyboard alone.',
        ],
      },
      {
        heading: 'Known shortcomings',
        paragraphs: [
          'Large tables for statisticians scroll sideways on narrow screens. Charts come with a text and a table of the same figures.',
        ],
      },
      {
        heading: 'Feedback',
        paragraphs: [
          'If something does not work for you, contact Statistics Norway. Statements of Norwegian public bodies are published in Digdir’s uustatus.no.',
        ],
      },
    ],
  },
};

export const PRIVACY: Record<Language, Statement> = {
  nb: {
    title: 'Personvern',
    sections: [
      {
        heading: 'Hva vi lagrer',
        paragraphs: [
          'Skjemaene gjelder kommunenes tjenester og regnskap, ikke enkeltpersoner. Om den som sender inn lagres navn, e-post, eventuelt telefon og hvor lang tid utfyllingen tok, for at SSB kan kontakte kommunen om svaret.',
          'Innlogging gir en informasjonskapsel som bare brukes til å holde deg innlogget. Alle endringer logges med hvem og når.',
        ],
      },
      {
        heading: 'Hvorfor og hvor lenge',
        paragraphs: [
          'Opplysningene behandles for å lage offisiell statistikk etter statistikkloven, og brukes ikke til annet. Ingen opplysninger sendes til andre nettsteder; siden henter ingen skrifttyper eller skript utenfra.',
        ],
      },
    ],
  },
  nn: {
    title: 'Personvern',
    sections: [
      {
        heading: 'Kva vi lagrar',
        paragraphs: [
          'Skjemaa gjeld tenestene og rekneskapen til kommunane, ikkje enkeltpersonar. Om den som sender inn blir namn, e-post, eventuelt telefon og kor lang tid utfyllinga tok lagra, slik at SSB kan kontakte kommunen om svaret.',
          'Innlogging gir ein informasjonskapsel som berre blir brukt til å halde deg innlogga. Alle endringar blir logga med kven og når.',
        ],
      },
      {
        heading: 'Kvifor og kor lenge',
        paragraphs: [
          'Opplysningane blir behandla for å lage offisiell statistikk etter statistikklova, og blir ikkje brukte til anna. Ingen opplysningar blir sende til andre nettstader; sida hentar ingen skrifttypar eller skript utanfrå.',
        ],
      },
    ],
  },
  en: {
    title: 'Privacy',
    sections: [
      {
        heading: 'What is stored',
        paragraphs: [
          'The forms concern municipalities’ services and accounts, not individuals. Of the person who submits, the name, e-mail, phone if given and the time the form took are stored, so that Statistics Norway can contact the municipality about the answer.',
          'Signing in sets a cookie that is used only to keep you signed in. Every change is logged with who and when.',
        ],
      },
      {
        heading: 'Why',
        paragraphs: [
          'The information is processed to produce official statistics under the Statistics Act and is used for nothing else. Nothing is sent to other websites; the pages load no fonts or scripts from elsewhere.',
        ],
      },
    ],
  },
};
