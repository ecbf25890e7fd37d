import { closestWords } from './suggest.js';

/** The user's settings, from the config file: what to load and a few defaults. */
export interface Settings {
  /** Bank folders to load (a leading `~` is the home folder). */
  banks: string[];
  /** Whether the bundled bank is loaded beside the banks of the settings. */
  includeBundled: boolean;
  /** How many questions `quiz` asks by default. */
  quizCount: number;
  /** The pass mark of questions that set none. */
  passMark: number;
  /** Whether output may be coloured (on a terminal, and unless NO_COLOR is set). */
  color: boolean;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = { banks: [], includeBundled: true, quizCount: 10, passMark: 0.6, color: true };

interface SettingRule {
  describe: string;
  example: string;
  check: (value: unknown) => boolean;
  /** Reads the value as typed on the command line (`nnquiz config set key value`). */
  fromText: (text: string) => unknown;
}

/** The spellings of a boolean typed on the command line, case aside: what `config get` prints, and the usual others. */
export const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, y: true, n: false, on: true, off: false, 1: true, 0: false };
const toBoolean = (text: string): unknown => (Object.hasOwn(BOOLEAN_WORDS, text.trim().toLowerCase()) ? BOOLEAN_WORDS[text.trim().toLowerCase()] : text);
const toNumber = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

export const SETTING_RULES: Record<SettingKey, SettingRule> = {
  banks: {
    describe: 'a list of bank folders',
    example: '["~/my-questions"] (on the command line: ~/my-questions,~/more)',
    check: (v) => Array.isArray(v) && v.every((item) => typeof item === 'string' && item.trim() !== ''),
    fromText: (text) => {
      const trimmed = text.trim();
      if (trimmed.startsWith('[')) {
        try {
          return JSON.parse(trimmed) as unknown;
        } catch {
          return text;
        }
      }
      return trimmed === '' ? [] : trimmed.split(',').map((item) => item.trim()).filter(Boolean);
    },
  },
  includeBundled: { describe: 'true or false', example: 'true', check: (v) => typeof v === 'boolean', fromText: toBoolean },
  quizCount: { describe: 'a whole number of 1 or more', example: '15', check: (v) => Number.isInteger(v) && (v as number) >= 1, fromText: toNumber },
  passMark: { describe: 'a number above 0 and at most 1', example: '0.6', check: (v) => typeof v === 'number' && v > 0 && v <= 1, fromText: toNumber },
  color: { describe: 'true or false', example: 'false', check: (v) => typeof v === 'boolean', fromText: toBoolean },
};

export const SETTING_KEYS = Object.keys(SETTING_RULES) as SettingKey[];

export const isSettingKey = (key: string): key is SettingKey => (SETTING_KEYS as string[]).includes(key);

/** The settings a mistyped name most likely means (`quizcount` → quizCount), for a "did you mean" hint. */
export const closestSettingKeys = (name: string): SettingKey[] => closestWords(name, SETTING_KEYS) as SettingKey[];

const found = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? JSON.stringify(value).slice(0, 60) : String(value));

/** The problem with a value for a key, or undefined when it is valid. */
export function checkSetting(key: SettingKey, value: unknown): string | undefined {
  const rule = SETTING_RULES[key];
  return rule.check(value) ? undefined : `'${key}' must be ${rule.describe}, e.g. ${rule.example}; found ${found(value)}`;
}

/**
 * Reads settings from a parsed config file: each known key is checked; any problem names the key,
 * what was expected and what was found. Unknown keys are problems too (a misspelt key would
 * otherwise be ignored without a word).
 */
export function parseSettings(data: unknown): { settings: Partial<Settings>; problems: string[] } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { settings: {}, problems: [`the settings must be a JSON object such as {"quizCount": 15}; found ${found(data)}`] };
  }
  const settings: Partial<Settings> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!isSettingKey(key)) {
      const near = closestSettingKeys(key);
      problems.push(`unknown setting '${key}'${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}; the settings are ${SETTING_KEYS.join(', ')}`);
      continue;
    }
    const problem = checkSetting(key, value);
    if (problem) problems.push(problem);
    else (settings as Record<string, unknown>)[key] = value;
  }
  return { settings, problems };
}
