/** A command given wrongly: exit code 2 and the help text. */
export class UsageError extends Error {}

/** A whole number given as an option (`--seed 7`), or its fallback when it is left out and has one. */
export function wholeOption(text: string | undefined, option: string, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new UsageError(`${option} is needed`);
    return fallback;
  }
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} must be a whole number, not "${text}"`);
  return Number(text);
}
