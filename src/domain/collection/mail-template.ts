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

/** Fills `{name}` placeholders; an unknown placeholder stays as it is, so a typo shows in the preview. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
