/**
 * The page an invitation link opens: it says whose form the link opens and signs in only when the person
 * presses the button (a POST from this page). A link followed from another site, or by a mail scanner,
 * signs nobody in. Plain HTML, no script, in bokmål, nynorsk and English, each marked with its language.
 */
export type SignInPage =
  | {
      readonly kind: 'ask';
      readonly municipality: string;
      readonly name: string;
      readonly roundId: string;
      /** The unit's written language (språkvedtak): the page opens with it. */
      readonly language?: 'nb' | 'nn';
    }
  | { readonly kind: 'list'; readonly responsible: string; readonly name: string; readonly scope: string }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

interface Words {
  readonly title: string;
  readonly lines: (page: SignInPage) => string;
  readonly button: string;
}

const WORDS: Readonly<Record<'nb' | 'nn' | 'en', Words>> = {
  nb: {
    title: 'Logg inn i KOSTRA-skjemaet',
    button: 'Logg inn',
    lines: (page) =>
      page.kind === 'ask'
        ? `Lenken åpner skjemaet til <strong>${escape(page.name)} (${escape(page.municipality)})</strong> i undersøkelsen ${escape(page.roundId)}.`
        : page.kind === 'list'
          ? `Lenken åpner listen over enhetene <strong>${escape(page.name)} (${escape(page.responsible)})</strong> svarer for i ${escape(page.scope)}.`
          : page.kind === 'invalid'
            ? 'Lenken er ukjent eller trukket tilbake, eller skjemaet er stengt. Bruk lenken i den siste e-posten fra SSB, eller kontakt SSB.'
            : `For mange mislykkede innlogginger fra denne adressen. Prøv igjen om ${minutes(page.retryAfterSeconds)} minutter.`,
  },
  nn: {
    title: 'Logg inn i KOSTRA-skjemaet',
    button: 'Logg inn',
    lines: (page) =>
      page.kind === 'ask'
        ? `Lenkja opnar skjemaet til <strong>${escape(page.name)} (${escape(page.municipality)})</strong> i undersøkinga ${escape(page.roundId)}.`
        : page.kind === 'list'
          ? `Lenkja opnar lista over einingane <strong>${escape(page.name)} (${escape(page.responsible)})</strong> svarar for i ${escape(page.scope)}.`
          : page.kind === 'invalid'
            ? 'Lenkja er ukjend eller trekt tilbake, eller skjemaet er stengt. Bruk lenkja i den siste e-posten frå SSB, eller kontakt SSB.'
            : `For mange mislukka innloggingar frå denne adressa. Prøv igjen om ${minutes(page.retryAfterSeconds)} minutt.`,
  },
  en: {
    title: 'Sign in to the KOSTRA form',
    button: 'Sign in',
    lines: (page) =>
      page.kind === 'ask'
        ? `This link opens the form of <strong>${escape(page.name)} (${escape(page.municipality)})</strong> in survey ${escape(page.roundId)}.`
        : page.kind === 'list'
          ? `This link opens the list of units <strong>${escape(page.name)} (${escape(page.responsible)})</strong> answers for in ${escape(page.scope)}.`
          : page.kind === 'invalid'
            ? "The link is unknown or revoked, or the form is closed. Use the link in SSB's latest e-mail, or contact SSB."
            : `Too many failed sign-ins from this address. Try again in ${minutes(page.retryAfterSeconds)} minutes.`,
  },
};

const STYLE = `
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1e2b3c;
  background: #f4f5f6; line-height: 1.5; }
header { background: #00824d; color: #fff; padding: 0.75rem 1.5rem; font-weight: 600; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15); }
h1 { font-size: 1.5rem; margin-top: 0; }
section + section { border-top: 1px solid #d2d6db; margin-top: 1rem; padding-top: 1rem; }
h2 { font-size: 1rem; margin: 0 0 0.25rem; color: #4b5563; }
button { font: inherit; font-weight: 600; color: #fff; background: #0062ba; border: 0; border-radius: 4px;
  padding: 0.75rem 1.5rem; margin-top: 1.5rem; cursor: pointer; min-height: 44px; }
button:hover { background: #004c91; }
button:focus-visible { outline: 3px solid #1e2b3c; outline-offset: 2px; }
`;

const LANGUAGES = [
  ['nb', 'Bokmål'],
  ['nn', 'Nynorsk'],
  ['en', 'English'],
] as const;

export function signInPage(token: string, page: SignInPage): string {
  // The unit's own written language comes first and is the page's language; bokmål otherwise.
  const first = page.kind === 'ask' ? (page.language ?? 'nb') : 'nb';
  const ordered = [...LANGUAGES].sort(([a], [b]) => Number(b === first) - Number(a === first));
  const sections = ordered
    .map(
      ([code, name]) => `<section lang="${code}">
<h2>${name}</h2>
<p>${WORDS[code].lines(page)}</p>
</section>`,
    )
    .join('\n');
  const action =
    page.kind === 'ask' || page.kind === 'list'
      ? `<form method="post" action="/s/${encodeURIComponent(token)}"><button type="submit">${WORDS[first].button} / <span lang="en">${WORDS.en.button}</span></button></form>`
      : '';
  const title = {
    ask: WORDS[first].title,
    list: WORDS.nb.title,
    invalid: 'Lenken er ikke gyldig',
    throttled: 'For mange forsøk',
  }[page.kind];
  return `<!doctype html>
<html lang="${first}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – SSB</title>
<style>${STYLE}</style></head>
<body>
<header>Statistisk sentralbyrå · KOSTRA</header>
<main>
<h1>${title}</h1>
${sections}
${action}
</main>
</body>
</html>
`;
}

const minutes = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));
const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
