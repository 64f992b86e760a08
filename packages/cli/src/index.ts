// @seekcost/cli: the `seekcost` command, usable in-process (tests, other tools) through runCli.
// Deliberately not exported: the command modules, parsers and table/terminal helpers; the command
// line is the interface, and runCli with an injected CliIo runs it. test/publicSurface.test.ts
// holds the list.
export { runCli } from './runCli.ts';
export { processIo, type CliIo, type TextSink } from './io.ts';
export { EXIT, type ExitCode } from './exitCodes.ts';
export { UsageError } from './usageError.ts';
