/** Errors the CLI reports as a message (no stack) and an exit code. */

/** Wrong command line: exit code 2 (like most Unix tools). */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input that cannot be analysed (missing/unreadable file, bad config, no usable features): exit code 3. */
export class InputError extends Error {
  readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
