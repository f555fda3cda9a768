// A failure of the embedded PostgreSQL that the user can act on: what went wrong and what to do, in one line.
export class EmbeddedDatabaseError extends Error {
  constructor(
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${problem}; ${remedy}`);
    this.name = "EmbeddedDatabaseError";
  }
}
