import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, systemCause } from '../errors.js';
import { isInsideFolder } from '../paths.js';
import { writeFileAtomic } from './atomic.js';

/** A question file refused because of where it would go (a topic folder that is a link out of the bank), not because of the disk. */
export class BankPlacementError extends CliError {}

/** Whether anything is at the path, a dangling link included. */
export function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes new question files `<bank>/<topic>/<id>.md`: never over an existing file or link, never
 * outside the bank (a topic folder may be a link, as in a bank cloned from anyone), never half a
 * file (a temporary file is placed only once written). Errors say which path and why. Each topic
 * folder is checked once per writer, so thousands of files in a few folders cost no more checks.
 */
export class QuestionFileWriter {
  private readonly readyFolders = new Set<string>();

  constructor(private readonly bank: string) {}

  write(topic: string, id: string, text: string, options: { flush?: boolean } = {}): string {
    const topicFolder = join(this.bank, topic);
    const file = join(topicFolder, `${id}.md`);
    try {
      if (!this.readyFolders.has(topicFolder)) {
        mkdirSync(this.bank, { recursive: true });
        checkInsideBank(this.bank, topicFolder);
        mkdirSync(topicFolder, { recursive: true });
        this.readyFolders.add(topicFolder);
      }
      writeFileAtomic(file, text, { exclusive: true, ...(options.flush === false ? { flush: false } : {}) });
    } catch (error) {
      if (error instanceof CliError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (code === 'EEXIST' && pathExists(file)) throw new BankPlacementError(`${file} already exists`, 'choose another id; nothing was written over it');
      const where = (error as NodeJS.ErrnoException).path ?? file;
      throw new CliError(`${where} cannot be written: ${systemCause(error)}`, 'free some space, or check that the bank folder is writable');
    }
    return file;
  }
}

/** Writes one new question file, as QuestionFileWriter does. */
export function writeQuestionFile(bank: string, topic: string, id: string, text: string): string {
  return new QuestionFileWriter(bank).write(topic, id, text);
}

/** A topic folder may be a link: it must still lead to a folder inside the bank. */
function checkInsideBank(bank: string, topicFolder: string): void {
  if (!pathExists(topicFolder)) return;
  const hint = `nnquiz writes only inside ${bank}: choose another topic, or replace it with a folder`;
  let real: string;
  try {
    real = realpathSync(topicFolder);
  } catch {
    throw new BankPlacementError(`${topicFolder} is a link that leads nowhere`, hint);
  }
  if (!isInsideFolder(realpathSync(bank), real)) throw new BankPlacementError(`${topicFolder} leads outside the bank, to ${real}`, hint);
  if (!statSync(real).isDirectory()) throw new BankPlacementError(`${topicFolder} is not a folder`, hint);
}
