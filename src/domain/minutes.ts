/**
 * The time a form took, as a person writes it: «45», «45 min», «45 minutter», «1 t 30 min», «1,5 timer»,
 * «1:30», «2 hours». Whole minutes, or undefined where the text says no time the product can read (the form
 * then says so instead of dropping it).
 */
export function parseMinutes(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours = String.raw`(\d{1,3}(?:[.,]\d{1,2})?) ?(?:t|timer?|timar?|h|hours?)`;
  const minutes = String.raw`(\d{1,5}) ?(?:m|min|minutt(?:er|ar)?|minutes?)`;
  const match = new RegExp(`^(?:${hours})?(?: ?og ?| ?and ?| )?(?:${minutes})?$`).exec(t);
  const bare = /^\d{1,5}$/.exec(t);
  if (bare) return Number(t);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const total = Number((match[1] ?? '0').replace(',', '.')) * 60 + Number(match[2] ?? '0');
  return Number.isFinite(total) && total <= 100_000 ? Math.round(total) : undefined;
}
