import type { Clock } from "../clock";

/** A clock tests move by hand, to cross idle and absolute session limits without waiting. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(instant: Date): void {
    this.current = instant.getTime();
  }
}
