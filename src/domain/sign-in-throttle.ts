/**
 * How long sign-in stays shut after failures in a row: free for the first few (a person mistypes), then a
 * wait that doubles with each further failure, up to a quarter of an hour. A password guesser gets a few
 * dozen tries an hour instead of thousands a second; a person who typed wrong five times waits a second.
 * An address is allowed more failures than an account: many people of one municipality share one address.
 */
export type ThrottleKind = 'account' | 'address';

const FREE_FAILURES: Record<ThrottleKind, number> = { account: 5, address: 20 };
const LONGEST_WAIT_MS = 15 * 60 * 1000;

export function lockoutMs(kind: ThrottleKind, failures: number): number {
  const beyond = failures - FREE_FAILURES[kind];
  return beyond < 0 ? 0 : Math.min(LONGEST_WAIT_MS, 1000 * 2 ** beyond);
}
