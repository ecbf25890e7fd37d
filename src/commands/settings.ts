import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';
import { CliError } from '../errors.js';
import { settingsFile } from '../paths.js';
import { readSettingsFile } from '../store/config-file.js';

let cached: Settings | undefined;

/**
 * The settings in force: the file's, over the defaults. A file with a problem stops the command
 * with the problem (naming the key), so a misspelt setting is never silently ignored.
 */
export function loadSettings(): Settings {
  if (cached) return cached;
  const file = readSettingsFile(settingsFile());
  if (file.problems.length > 0) {
    const more = file.problems.length > 1 ? ` (and ${file.problems.length - 1} more)` : '';
    if (file.notRegular) throw new CliError(`settings file ${file.path}: ${file.problems[0]}`, 'point NNQUIZ_CONFIG at a JSON file, or remove this one');
    throw new CliError(`settings file ${file.path}: ${file.problems[0]}${more}`, "fix it with 'nnquiz config set KEY VALUE' or 'nnquiz config unset KEY'; 'nnquiz config list' shows every problem");
  }
  cached = { ...DEFAULT_SETTINGS, ...file.settings };
  return cached;
}
