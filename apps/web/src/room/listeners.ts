/** A minimal change notifier for the plain-TS stores of the room. */
export class Listeners {
  private readonly set = new Set<() => void>();

  add(listener: () => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  notify(): void {
    for (const listener of [...this.set]) listener();
  }

  clear(): void {
    this.set.clear();
  }
}
