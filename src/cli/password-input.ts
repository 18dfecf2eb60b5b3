/**
 * Reads a password for a command without it ever being an argument (arguments show in `ps` and shell history): typed
 * at a hidden prompt when standard input is a terminal, else the first line of standard input (for scripts:
 * `printf '%s\n' "$PASSWORD" | trialfinder editor create-admin ...`).
 */
import { InvalidInput } from '../domain/errors.ts';

/** Reads a new password; `confirm` asks twice at a terminal. */
export type PasswordReader = (prompt: string, confirm: boolean) => Promise<string>;

/** Reads one line at a hidden prompt on the terminal (raw mode: nothing typed is echoed). */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish();
          resolve(typed.join(''));
          return;
        }
        if (character === '\u0003') {
          finish();
          reject(new InvalidInput('Cancelled: no password was entered.', 'password'));
          return;
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed.push(character);
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of standard input, without its line ending. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

/** The process's reader: a hidden prompt at a terminal, standard input otherwise. */
export const readPasswordFromProcess: PasswordReader = async (prompt, confirm) => {
  if ((process.stdin.isTTY as boolean | undefined) !== true) {
    const password = await firstLineOfStdin();
    if (password === '') throw new InvalidInput('No password was given: type it at the prompt, or pipe it on standard input.', 'password');
    return password;
  }
  const password = await promptHidden(prompt);
  if (confirm && (await promptHidden('Type it again: ')) !== password) throw new InvalidInput('The two passwords were not the same.', 'password');
  return password;
};
