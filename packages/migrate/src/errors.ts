/** Input the tool cannot work with (no such directory, an unknown option): exit 2 with one line. */
export class UsageError extends Error {}
