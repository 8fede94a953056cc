/**
 * Which input `tsag watch` builds next. Builds run side by side, up to a limit, so that one slow
 * input does not hold up the others; one input is never built twice at once (two builds would
 * race to write the same outputs). A change asks for one more build of its input: while one is
 * waiting, further changes are covered by it (the build reads the file as it is then); while one
 * is running, the input waits for it to finish and is then built again. Pure: no timers, no I/O.
 */
export class BuildQueue {
  /** Inputs waiting for a build, oldest request first (a Set keeps insertion order). */
  private readonly waiting = new Set<string>();
  private readonly running = new Set<string>();

  constructor(private readonly limit: number) {}

  /** A change of `input`: one more build of it, after the one running if any. */
  request(input: string): void {
    this.waiting.add(input);
  }

  /** The input to build now, marked running; none when every slot is taken or nothing can start. */
  take(): string | undefined {
    if (this.running.size >= this.limit) return undefined;
    for (const input of this.waiting) {
      if (this.running.has(input)) continue;
      this.waiting.delete(input);
      this.running.add(input);
      return input;
    }
    return undefined;
  }

  /** The build of `input` has ended, however it ended. */
  done(input: string): void {
    this.running.delete(input);
  }

  /** Nothing waiting and nothing running. */
  get idle(): boolean {
    return this.waiting.size === 0 && this.running.size === 0;
  }

  /** Forgets what is waiting (on stop); what runs is the caller's to end. */
  clear(): void {
    this.waiting.clear();
  }
}
