#!/usr/bin/env node
// The `seekcost` executable: real process I/O around runCli. Exit codes: see src/exitCodes.ts.
import { processIo } from './io.ts';
import { runCli } from './runCli.ts';

// `seekcost ledger ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
