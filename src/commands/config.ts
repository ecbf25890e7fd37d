import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkSetting, closestSettingKeys, DEFAULT_SETTINGS, isSettingKey, SETTING_KEYS, SETTING_RULES, type SettingKey } from '../core/settings.js';
import { closestWords } from '../core/suggest.js';
import { CliError, systemCause, UsageError } from '../errors.js';
import { expandHome, settingsFile } from '../paths.js';
import { NotRegularFileError, readSettingsFile, updateSettingsFile } from '../store/config-file.js';
import { LockBusyError } from '../store/file-lock.js';
import { style } from '../ui/style.js';

const CONFIG_ACTIONS = ['path', 'list', 'get', 'set', 'unset'];
const REGULAR_FILE_ONLY = 'nnquiz writes settings only to a regular file: remove it, or set NNQUIZ_CONFIG to another file; nothing was written';
const format = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A setting's value from the command line, checked: nothing is written when it is wrong. */
function settingValue(key: SettingKey, text: string): unknown {
  const value = SETTING_RULES[key].fromText(text);
  const problem = checkSetting(key, value);
  if (!problem) return value;
  const spellings = typeof DEFAULT_SETTINGS[key] === 'boolean' ? '; say true or false (yes/no, on/off and 1/0 work too)' : '';
  throw new UsageError(problem, `nothing was written${spellings}`);
}

function keyOf(name: string): SettingKey {
  if (isSettingKey(name)) return name;
  const near = closestSettingKeys(name);
  const all = `the settings are ${SETTING_KEYS.join(', ')}`;
  throw new UsageError(`unknown setting ${JSON.stringify(name)}`, near.length > 0 ? `did you mean ${near.join(' or ')}? (${all})` : all);
}

/**
 * Warns on stderr about bank folders of the settings that are not there (yet): the setting is
 * saved, as the folder may be made later, but loading the banks fails until it is.
 */
function warnMissingBanks(banks: readonly string[], file: string): void {
  for (const bank of banks) {
    const folder = resolve(dirname(file), expandHome(bank));
    let problem: string | undefined;
    try {
      if (!statSync(folder).isDirectory()) problem = 'is not a folder';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problem = code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot be read: ${systemCause(error, 'folder')}`;
    }
    if (problem === undefined) continue;
    process.stderr.write(`${style.warning(`nnquiz: warning: bank folder ${JSON.stringify(folder)} ${problem}; the setting is saved, but commands that load banks fail until it is there`)}\n`);
    process.stderr.write(`hint: create it and add questions ('nnquiz new --bank DIR'), or change the setting ('nnquiz config set banks DIR,...')\n`);
  }
}

/** `nnquiz config path|list|get|set|unset`: read and change the settings without editing the file by hand. */
export function runConfig(action: string, args: string[], options: { json?: boolean }): number {
  const file = readSettingsFile(settingsFile());
  switch (action) {
    case 'path':
      process.stdout.write(`${file.path}\n`);
      return 0;
    case 'list': {
      const rows = SETTING_KEYS.map((key) => {
        const fromFile = key in file.settings;
        return { key, value: fromFile ? file.settings[key] : DEFAULT_SETTINGS[key], source: fromFile ? 'file' : 'default' };
      });
      for (const problem of file.problems) process.stderr.write(`${style.error(`${file.path}: ${problem}`)}\n`);
      if (options.json) process.stdout.write(`${JSON.stringify({ path: file.path, settings: Object.fromEntries(rows.map((r) => [r.key, r.value])), problems: file.problems }, null, 2)}\n`);
      else {
        const width = Math.max(...SETTING_KEYS.map((k) => k.length));
        for (const row of rows) process.stdout.write(`${row.key.padEnd(width)}  ${format(row.value)}${row.source === 'default' ? style.dim('  (default)') : ''}\n`);
        process.stdout.write(style.dim(`${file.path}${file.exists ? '' : ' (not created yet)'}\n`));
      }
      return file.problems.length > 0 ? 1 : 0;
    }
    case 'get': {
      if (args.length !== 1) throw new UsageError('config get takes one setting', `e.g. nnquiz config get quizCount; the settings are ${SETTING_KEYS.join(', ')}`);
      const key = keyOf(args[0]!);
      const value = key in file.settings ? file.settings[key] : DEFAULT_SETTINGS[key];
      process.stdout.write(`${options.json ? JSON.stringify(value) : format(value)}\n`);
      return 0;
    }
    case 'set':
    case 'unset': {
      const expected = action === 'set' ? 2 : 1;
      if (args.length !== expected) {
        throw new UsageError(`config ${action} takes ${action === 'set' ? 'a setting and a value' : 'one setting'}`, action === 'set' ? 'e.g. nnquiz config set quizCount 15' : 'e.g. nnquiz config unset banks');
      }
      const value = action === 'set' ? settingValue(keyOf(args[0]!), args[1]!) : undefined;
      let key = args[0]!;
      let raw: Record<string, unknown>;
      try {
        // Read again under the lock: a `config set` running at the same time is never undone.
        raw = updateSettingsFile(file.path, (current) => {
          if (current.notRegular) {
            throw new CliError(`settings file ${current.path}: ${current.problems[0]}`, REGULAR_FILE_ONLY);
          }
          if (current.exists && Object.keys(current.raw).length === 0 && current.problems.length > 0) {
            throw new CliError(`settings file ${current.path}: ${current.problems[0]}`, 'fix or delete the file by hand, then try again; nothing was written');
          }
          // A key the file holds may be unset even when unknown (a misspelling, say).
          key = action === 'unset' && key in current.raw ? key : keyOf(key);
          const next = { ...current.raw };
          if (action === 'set') next[key] = value;
          else delete next[key];
          return next;
        });
      } catch (error) {
        if (error instanceof CliError) throw error;
        if (error instanceof NotRegularFileError) {
          throw new CliError(`settings file ${error.path} is ${error.kind}, not a regular file`, REGULAR_FILE_ONLY);
        }
        if (error instanceof LockBusyError) {
          throw new CliError(`settings file ${file.path} is being changed by another nnquiz; nothing was written`, `try again in a moment; if no nnquiz is running, delete ${error.lockFile}`);
        }
        throw new CliError(`settings file ${file.path} cannot be written: ${systemCause(error)}`, 'check the folder is writable, or set NNQUIZ_CONFIG to another file');
      }
      const reset = isSettingKey(key) ? `${key} reset to ${format(DEFAULT_SETTINGS[key])}` : `${key} removed`;
      process.stdout.write(`${action === 'set' ? `${key} = ${format(raw[key])}` : reset}  ${style.dim(`(${file.path})`)}\n`);
      if (action === 'set' && key === 'banks') warnMissingBanks(raw[key] as string[], file.path);
      return 0;
    }
    default:
      throw new UsageError(`unknown config action ${JSON.stringify(action)}`, `${closestWords(action, CONFIG_ACTIONS).join(' or ').replace(/.+/, 'did you mean $&? ')}use one of: ${CONFIG_ACTIONS.join(', ')}`);
  }
}
