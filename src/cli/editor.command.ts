/**
 * `trialfinder editor create-admin --email ... --name ...`: creates the first administrator of the editor area,
 * reading the password from a hidden prompt or standard input, never from the arguments. Refused (exit 5) once an
 * active administrator exists: admins then add accounts at /editor/users.
 */
import type { Command } from 'commander';
import { createFirstAdmin } from '../editorial/accounts.ts';
import { openEditorialStore } from '../editorial-app.ts';
import { DEFAULT_SCRYPT } from '../editorial/passwords.ts';
import type { CliContext } from './context.ts';
import { printJson } from './output.ts';
import { readPasswordFromProcess, type PasswordReader } from './password-input.ts';

interface CreateAdminFlags {
  readonly email: string;
  readonly name: string;
  readonly json?: boolean;
}

export async function runCreateAdmin(context: CliContext, flags: CreateAdminFlags, readPassword: PasswordReader): Promise<void> {
  const password = await readPassword('Password for the new administrator (at least 12 characters): ', true);
  const store = await openEditorialStore(context.config.database);
  try {
    const admin = await createFirstAdmin(
      { store, settings: context.config.editor, now: () => new Date(), scrypt: DEFAULT_SCRYPT },
      { email: flags.email, displayName: flags.name, password },
    );
    if (flags.json === true) printJson(context.output, admin);
    else context.output.out(`Created the administrator ${admin.email} (account ${admin.id}). Sign in at /editor/login and add the other accounts there.`);
  } finally {
    await store.close();
  }
}

export function registerEditorCommand(program: Command, context: CliContext, readPassword: PasswordReader = readPasswordFromProcess): Command {
  const editor = program.command('editor').description('Manage the editor area (/editor).');
  editor
    .command('create-admin')
    .description('Create the first administrator; the password is read from a hidden prompt or standard input.')
    .requiredOption('--email <address>', 'the administrator’s email address (their sign-in name)')
    .requiredOption('--name <name>', 'the name shown in the editor area and the audit log')
    .option('--json', 'print the new account as JSON')
    .action(async (flags: CreateAdminFlags) => {
      await runCreateAdmin(context, flags, readPassword);
    });
  return editor;
}
