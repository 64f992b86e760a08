// @seekcost/cli: the `seekcost` command, usable in-process (tests, other tools) through runCli.
export { runCli } from './runCli.ts';
export { processIo, type CliIo, type TextSink } from './io.ts';
export { EXIT, type ExitCode } from './exitCodes.ts';
export { UsageError } from './usageError.ts';
