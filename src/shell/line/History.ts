/**
 * Shell history as Ubuntu's default bash keeps it (HISTCONTROL=ignoreboth):
 * consecutive duplicates collapse, a line typed with a leading space is not
 * recorded, and the oldest entries fall off past the cap.
 */
export class History {
  private readonly items: string[] = [];

  constructor(
    private readonly cap = 1000,
    initial: readonly string[] = [],
  ) {
    for (const entry of initial) this.add(entry);
  }

  add(entry: string): void {
    if (entry.trim() === '' || entry.startsWith(' ')) return;
    if (this.items[this.items.length - 1] === entry) return;
    this.items.push(entry);
    if (this.items.length > this.cap) this.items.splice(0, this.items.length - this.cap);
  }

  /** Swaps in another list (a terminal that follows a switch to another lesson space). */
  replace(entries: readonly string[]): void {
    this.items.length = 0;
    for (const entry of entries) this.add(entry);
  }

  get length(): number {
    return this.items.length;
  }

  at(index: number): string | undefined {
    return this.items[index];
  }

  entries(): string[] {
    return [...this.items];
  }
}
