import { said, type Said } from '../domain/errors.ts';

export type ProblemLanguage = keyof Said;

/**
 * The language a problem is told in: the first of the request's Accept-Language the product speaks
 * (nb, with no and nb-NO; nn; en), English where none is (programs calling the API).
 */
export function problemLanguage(acceptLanguage: string | undefined): ProblemLanguage {
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((a) => a.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of asked) {
    const primary = tag.split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Every problem title the server gives, in each language (a test holds the routes to this list). */
export const PROBLEM_TITLES: Readonly<Record<string, Said>> = {
  'The request cannot be carried out': said(
    'The request cannot be carried out',
    'Forespørselen kan ikke utføres',
    'Førespurnaden kan ikkje utførast',
  ),
  'Invalid output format parameters': said(
    'Invalid output format parameters',
    'Ugyldige parametere for utdataformat',
    'Ugyldige parametrar for utdataformat',
  ),
  'The request is malformed': said(
    'The request is malformed',
    'Forespørselen er feil utformet',
    'Førespurnaden er feil utforma',
  ),
  'Unsupported language': said('Unsupported language', 'Språket støttes ikke', 'Språket er ikkje støtta'),
  'Invalid parameter': said('Invalid parameter', 'Ugyldig parameter', 'Ugyldig parameter'),
  'Too many requests': said('Too many requests', 'For mange forespørsler', 'For mange førespurnader'),
  'Too many cells': said('Too many cells', 'For mange celler', 'For mange celler'),
  'Unsupported output format': said(
    'Unsupported output format',
    'Utdataformatet støttes ikke',
    'Utdataformatet er ikkje støtta',
  ),
  'Non-existent value': said('Non-existent value', 'Verdien finnes ikke', 'Verdien finst ikkje'),
  'The link is not valid': said('The link is not valid', 'Lenken er ikke gyldig', 'Lenkja er ikkje gyldig'),
  'Unsupported parameter': said(
    'Unsupported parameter',
    'Parameteren støttes ikke',
    'Parameteren er ikkje støtta',
  ),
  'Invalid outputValues': said('Invalid outputValues', 'Ugyldig outputValues', 'Ugyldig outputValues'),
  'Missing value codes': said('Missing value codes', 'Verdikoder mangler', 'Verdikodar manglar'),
  'Non-existent table': said('Non-existent table', 'Tabellen finnes ikke', 'Tabellen finst ikkje'),
  'Repeated parameter': said(
    'Repeated parameter',
    'Parameteren er gitt flere ganger',
    'Parameteren er gitt fleire gonger',
  ),
  'The workbook has errors; nothing was saved': said(
    'The workbook has errors; nothing was saved',
    'Arbeidsboken har feil; ingenting er lagret',
    'Arbeidsboka har feil; ingenting er lagra',
  ),
  'Sign in as a statistician': said(
    'Sign in as a statistician',
    'Logg inn som statistiker',
    'Logg inn som statistikar',
  ),
  'Sign in with the link from your invitation': said(
    'Sign in with the link from your invitation',
    'Logg inn med lenken fra invitasjonen',
    'Logg inn med lenkja frå invitasjonen',
  ),
  'Sign in with the link to your list of units': said(
    'Sign in with the link to your list of units',
    'Logg inn med lenken til listen over enheter',
    'Logg inn med lenkja til lista over einingar',
  ),
  'Wrong user name or password': said(
    'Wrong user name or password',
    'Feil brukernavn eller passord',
    'Feil brukarnamn eller passord',
  ),
  'This needs the admin role': said(
    'This needs the admin role',
    'Dette krever administratorrollen',
    'Dette krev administratorrolla',
  ),
  'Not found': said('Not found', 'Finnes ikke', 'Finst ikkje'),
  'The form has not been submitted yet': said(
    'The form has not been submitted yet',
    'Skjemaet er ikke sendt inn ennå',
    'Skjemaet er ikkje sendt inn enno',
  ),
  'The form is closed': said('The form is closed', 'Skjemaet er stengt', 'Skjemaet er stengt'),
  'The form has changed': said(
    'The form has changed',
    'Skjemaet er endret siden du åpnet det',
    'Skjemaet er endra sidan du opna det',
  ),
  'The form has errors': said('The form has errors', 'Skjemaet har feil', 'Skjemaet har feil'),
  'The request body is too large': said(
    'The request body is too large',
    'Det som ble sendt, er for stort',
    'Det som vart sendt, er for stort',
  ),
  'Send attendance as text/csv': said(
    'Send attendance as text/csv',
    'Send oppmøtet som CSV-tekst',
    'Send oppmøtet som CSV-tekst',
  ),
  'Send the addresses as text/csv': said(
    'Send the addresses as text/csv',
    'Send adressene som CSV-tekst',
    'Send adressene som CSV-tekst',
  ),
  'Send the body as application/json': said(
    'Send the body as application/json',
    'Send innholdet som JSON',
    'Send innhaldet som JSON',
  ),
  'Send the file as application/octet-stream': said(
    'Send the file as application/octet-stream',
    'Send filen som binærdata',
    'Send fila som binærdata',
  ),
  'Send the register file as text/csv': said(
    'Send the register file as text/csv',
    'Send registerfilen som CSV-tekst',
    'Send registerfila som CSV-tekst',
  ),
  'Send the totals as text/csv': said(
    'Send the totals as text/csv',
    'Send totalene som CSV-tekst',
    'Send totalane som CSV-tekst',
  ),
  'Send If-Match with the version you edited': said(
    'Send If-Match with the version you edited',
    'Oppgi versjonen du endret (If-Match)',
    'Oppgi versjonen du endra (If-Match)',
  ),
  'Too many failed sign-ins': said(
    'Too many failed sign-ins',
    'For mange mislykkede innlogginger',
    'For mange mislukka innloggingar',
  ),
  'Something went wrong on our side': said(
    'Something went wrong on our side',
    'Noe gikk galt hos oss',
    'Noko gjekk gale hos oss',
  ),
  'Too many files are being checked': said(
    'Too many files are being checked',
    'For mange filer kontrolleres nå',
    'For mange filer vert kontrollerte no',
  ),
  'The server has no mail server (SMTP_URL)': said(
    'The server has no mail server (SMTP_URL)',
    'Tjeneren har ingen e-posttjener (SMTP_URL)',
    'Tenaren har ingen e-posttenar (SMTP_URL)',
  ),
  'The service is overloaded': said(
    'The service is overloaded',
    'Tjenesten er overbelastet',
    'Tenesta er overbelasta',
  ),
  'The service is briefly unavailable': said(
    'The service is briefly unavailable',
    'Tjenesten er utilgjengelig et øyeblikk',
    'Tenesta er utilgjengeleg eit augeblink',
  ),
};

/** The details the server itself gives, in each language. */
export const PROBLEM_DETAILS: Readonly<Record<string, Said>> = {
  'unknown or revoked token, or the round is closed': said(
    'unknown or revoked token, or the round is closed',
    'Koden er ukjent eller trukket tilbake, eller skjemaet er stengt. Bruk lenken i den siste e-posten fra SSB.',
    'Koden er ukjend eller trekt tilbake, eller skjemaet er stengt. Bruk lenkja i den siste e-posten frå SSB.',
  ),
  'try again in a few seconds': said(
    'try again in a few seconds',
    'prøv igjen om noen sekunder',
    'prøv igjen om nokre sekund',
  ),
};

/** A malformed request's detail: which field, in the user's language (zod's own words in English). */
export const malformedDetail = (path: string, message: string, language: ProblemLanguage): string =>
  language === 'en'
    ? `${path}: ${message}`
    : language === 'nn'
      ? `${path}: verdien er ikkje gyldig`
      : `${path}: verdien er ikke gyldig`;
