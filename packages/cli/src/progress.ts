import type { ReadProgress } from './input/forEachLine.ts';
import type { CliIo } from './io.ts';

/**
 * A progress line on a terminal's stderr; does nothing when stderr is not a terminal.
 *
 * @example
 * ```ts
 * const progress: Progress = createProgress(io, state, true); progress.tick(); progress.done();
 * ```
 */
export interface Progress {
  /** Redraws at most every 200 ms: cheap to call often. */
  tick(): void;
  /** Clears the line. */
  done(): void;
}

const REDRAW_MS = 200;

/**
 * A one-line progress display (records, bytes, rate, ETA) drawn on stderr with a carriage return,
 * only when stderr is a TTY and not disabled: piped or redirected runs stay silent.
 *
 * @example
 * ```ts
 * const progress = createProgress(io, state, true);
 * progress.tick(); // in the read loop
 * progress.done();
 * ```
 */
export function createProgress(io: CliIo, state: ReadProgress, enabled: boolean): Progress {
  if (!enabled || !io.stderrIsTTY) return { tick: () => undefined, done: () => undefined };
  const started = io.now();
  let last = 0;
  let counter = 0;
  const width = Math.max(40, (io.columns ?? 80) - 1);
  return {
    tick() {
      if ((++counter & 1023) !== 0) return;
      const now = io.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      const seconds = Math.max(0.001, (now - started) / 1000);
      const rate = state.bytesRead / seconds;
      const total = state.totalBytes;
      const eta = total !== undefined && rate > 0 ? ` | ETA ${clock((total - state.bytesRead) / rate)}` : '';
      const bytes = total !== undefined ? `${mb(state.bytesRead)} / ${mb(total)}` : mb(state.bytesRead);
      const text = `${state.lines.toLocaleString('en-US')} records | ${bytes} | ${mb(rate)}/s${eta}`;
      io.stderr.write(`\r${text.slice(0, width).padEnd(width)}`);
    },
    done() {
      if (last !== 0) io.stderr.write(`\r${' '.repeat(width)}\r`);
    },
  };
}

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
