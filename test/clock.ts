import type { Clock } from '../src/core/clock.js';

/** A clock tests move by hand: no sleeps, no timing in assertions. */
export class TestClock implements Clock {
  private current: number;

  constructor(start = '2026-01-15T10:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  advanceHours(hours: number): void {
    this.advance(hours * 3_600_000);
  }
}
