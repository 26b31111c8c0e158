/** A command given wrongly: exit code 2 and the help text. */
export class UsageError extends Error {}
