/** A command line the CLI cannot run (exit code 2); `message` is German and says what is expected. */
export class UsageError extends Error {}
