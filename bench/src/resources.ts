/**
 * What a run started and must stop, in order: connections and helpers first, then child processes,
 * then what they stood on (the cluster, the database).
 */
import type { Child } from './setup.js';

export class Resources {
  private closers: (() => Promise<void> | void)[] = [];
  private children: Child[] = [];
  private finals: (() => Promise<void>)[] = [];

  /** Runs `close` at the end, before the children stop; the last added closes first. */
  onClose(close: () => Promise<void> | void): void {
    this.closers.push(close);
  }

  /** Stops `child` at the end (in the order adopted); returns it. */
  adopt(child: Child): Child {
    this.children.push(child);
    return child;
  }

  /** Runs `stop` after the children have stopped; the last added runs first, and its error is thrown. */
  afterChildren(stop: () => Promise<void>): void {
    this.finals.push(stop);
  }

  /** Closes everything; a failing closer does not keep the others from running. */
  async closeAll(): Promise<void> {
    const closers = this.closers.reverse();
    this.closers = [];
    for (const close of closers) await Promise.resolve(close()).catch(() => undefined);
    const children = this.children;
    this.children = [];
    for (const child of children) await child.stop();
    const finals = this.finals.reverse();
    this.finals = [];
    for (const stop of finals) await stop();
  }
}
