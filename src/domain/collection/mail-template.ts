/** The default texts of the e-mails, in bokmål and nynorsk; a round may replace them. */
export const DEFAULT_TEMPLATES = {
  invitation: {
    nb: {
      subject: 'Invitasjon: {undersokelse} for {kommune}',
      body: 'Hei!\n\n{kommune} er invitert til å svare på {undersokelse}.\n\nÅpne skjemaet med denne personlige lenken:\n{lenke}\n\nFrist: {frist}.\n\nMed vennlig hilsen\nStatistisk sentralbyrå',
    },
    nn: {
      subject: 'Invitasjon: {undersokelse} for {kommune}',
      body: 'Hei!\n\n{kommune} er invitert til å svare på {undersokelse}.\n\nOpne skjemaet med denne personlege lenkja:\n{lenke}\n\nFrist: {frist}.\n\nMed venleg helsing\nStatistisk sentralbyrå',
    },
  },
  reminder: {
    nb: {
      subject: 'Påminnelse: {undersokelse} for {kommune}',
      body: 'Hei!\n\nVi har ikke mottatt svar fra {kommune} på {undersokelse}.\n\nSkjemaet: {lenke}\n\nFrist: {frist}.\n\nMed vennlig hilsen\nStatistisk sentralbyrå',
    },
    nn: {
      subject: 'Påminning: {undersokelse} for {kommune}',
      body: 'Hei!\n\nVi har ikkje fått svar frå {kommune} på {undersokelse}.\n\nSkjemaet: {lenke}\n\nFrist: {frist}.\n\nMed venleg helsing\nStatistisk sentralbyrå',
    },
  },
} as const;

/** The invitation to a collection: one mail per responsible, with the link to its list of units. */
export const LIST_INVITATION = {
  nb: {
    subject: 'Invitasjon: {innsamling} for {kommune}',
    body: 'Hei!\n\n{kommune} er invitert til å svare på {innsamling}: {skjemaer}.\n\nÅpne listen over enhetene dere svarer for med denne personlige lenken:\n{lenke}\n\nFra listen åpner dere hvert skjema, deler en enhet med en kollega, eller sier fra om en enhet ikke er deres.\n\nFrister: {frister}.\n\nMed vennlig hilsen\nStatistisk sentralbyrå',
  },
  nn: {
    subject: 'Invitasjon: {innsamling} for {kommune}',
    body: 'Hei!\n\n{kommune} er invitert til å svare på {innsamling}: {skjemaer}.\n\nOpne lista over einingane de svarar for med denne personlege lenkja:\n{lenke}\n\nFrå lista opnar de kvart skjema, deler ei eining med ein kollega, eller seier frå om ei eining ikkje er dykkar.\n\nFristar: {frister}.\n\nMed venleg helsing\nStatistisk sentralbyrå',
  },
} as const;

/** Fills `{name}` placeholders; an unknown placeholder stays as it is, so a typo shows in the preview. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
