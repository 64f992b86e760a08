// A PostgreSQL cluster made in /tmp for one bench or check script and removed after it, shared by
// bench/warehouse/postgres.bench.ts and bench/ledger/postgresCheck.ts. Needs PostgreSQL's binaries
// (initdb, pg_ctl, psql) and, when run as root, the `postgres` system user (initdb refuses root).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';

/** A throwaway cluster: trust auth, reached by `psql` as user postgres. */
export interface ThrowawayPostgres {
  /** Runs SQL; psql's unaligned, tuples-only output, trimmed. */
  readonly psql: (sql: string) => string;
  /** Runs psql with these arguments after the connection ones (e.g. `-f FILE`, `-c '\copy …'`). */
  readonly psqlArgs: (args: readonly string[]) => string;
  /** initdb and start the server; waits until it accepts connections. */
  readonly start: () => void;
  /** Stops the server if it started and removes the directory, whatever happened before. */
  readonly remove: () => void;
}

/**
 * Empties `dir` (made writable for the postgres user) and returns the cluster's handles. The server
 * listens on `port` on the unix socket in `dir`, and also on 127.0.0.1 when `host` says so.
 */
export function throwawayPostgres(dir: string, port: string, host: 'socket' | '127.0.0.1'): ThrowawayPostgres {
  const asRoot = process.getuid?.() === 0;
  const sh = (command: string) =>
    execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-s', '/bin/sh', '-c', command] : ['-c', command], { encoding: 'utf8' });
  const psqlArgs = (args: readonly string[]) =>
    execFileSync('psql', ['-h', host === 'socket' ? dir : host, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qtAX', ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }).trim();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  return {
    psql: (sql) => psqlArgs(['-c', sql]),
    psqlArgs,
    start: () => {
      sh(`initdb -D ${dir}/data -A trust -U postgres > ${dir}/initdb.log 2>&1`);
      const listen = host === 'socket' ? "''" : host;
      sh(`pg_ctl -D ${dir}/data -l ${dir}/server.log -o "-k ${dir} -p ${port} -c listen_addresses=${listen}" -w start > /dev/null`);
    },
    remove: () => {
      try {
        sh(`pg_ctl -D ${dir}/data -m fast -w stop > /dev/null 2>&1`);
      } catch {
        // not started
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
