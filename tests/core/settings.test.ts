import { describe, expect, it } from 'vitest';
import { BOOLEAN_WORDS, checkSetting, closestSettingKeys, DEFAULT_SETTINGS, isSettingKey, parseSettings, SETTING_KEYS, SETTING_RULES } from '../../src/core/settings.js';

describe('parseSettings', () => {
  it('keeps valid keys and names each problem with its key, the expected shape and what was found', () => {
    expect(parseSettings({ banks: ['~/q'], quizCount: 15, passMark: 1.5, color: 'yes', quizCont: 3 })).toEqual({
      settings: { banks: ['~/q'], quizCount: 15 },
      problems: [
        "'passMark' must be a number above 0 and at most 1, e.g. 0.6; found 1.5",
        "'color' must be true or false, e.g. false; found \"yes\"",
        "unknown setting 'quizCont' (did you mean quizCount?); the settings are banks, includeBundled, quizCount, passMark, color",
      ],
    });
  });

  it('refuses a file that is not a JSON object', () => {
    expect(parseSettings([1]).problems).toEqual(['the settings must be a JSON object such as {"quizCount": 15}; found [1]']);
  });
});

describe('values typed on the command line', () => {
  it.each([
    ['banks', '~/a, ~/b', ['~/a', '~/b']],
    ['banks', '["~/with,comma"]', ['~/with,comma']],
    ['banks', '', []],
    ['includeBundled', 'off', false],
    ['color', 'TRUE', true],
    ['color', 'false', false],
    ['color', ' No ', false],
    ['color', 'YES', true],
    ['color', '1', true],
    ['includeBundled', '0', false],
    ['includeBundled', 'y', true],
    ['includeBundled', 'On', true],
    ['quizCount', '15', 15],
    ['passMark', '0.7', 0.7],
  ] as const)('%s %j', (key, text, value) => {
    const parsed = SETTING_RULES[key].fromText(text);
    expect(parsed).toEqual(value);
    expect(checkSetting(key, parsed)).toBeUndefined();
  });

  it.each([
    ['quizCount', '1.5'],
    ['quizCount', 'ten'],
    ['passMark', '0'],
    ['color', 'maybe'],
    ['color', '2'],
    ['color', ''],
    ['color', 'toString'],
  ] as const)('rejects %s %j', (key, text) => {
    expect(checkSetting(key, SETTING_RULES[key].fromText(text))).toMatch(new RegExp(`^'${key}' must be`));
  });
});

describe('closestSettingKeys', () => {
  it.each([
    ['quizcount', ['quizCount']],
    ['QUIZCOUNT', ['quizCount']],
    ['quizCont', ['quizCount']],
    ['passmrk', ['passMark']],
    ['colour', ['color']],
    ['bank', ['banks']],
    ['includebundle', ['includeBundled']],
    ['zzqxv', []],
    ['c', []],
  ] as const)('%s → %j', (typed, expected) => {
    expect(closestSettingKeys(typed)).toEqual(expected);
  });
});

describe('DEFAULT_SETTINGS and the keys', () => {
  it('loads the bundled bank, asks ten questions and passes at 0.6, in colour, by default', () => {
    expect(DEFAULT_SETTINGS).toEqual({ banks: [], includeBundled: true, quizCount: 10, passMark: 0.6, color: true });
    for (const key of SETTING_KEYS) expect(checkSetting(key, DEFAULT_SETTINGS[key])).toBeUndefined();
  });

  it('lists the keys in the order the settings file documents them', () => {
    expect(SETTING_KEYS).toEqual(['banks', 'includeBundled', 'quizCount', 'passMark', 'color']);
  });

  it.each([
    ['quizCount', true],
    ['banks', true],
    ['color', true],
    ['quizcount', false],
    ['colour', false],
    ['', false],
    ['toString', false],
  ] as const)('isSettingKey(%j) is %s', (key, expected) => {
    expect(isSettingKey(key)).toBe(expected);
  });
});

describe('BOOLEAN_WORDS', () => {
  it('reads each usual spelling of yes and no', () => {
    expect(BOOLEAN_WORDS).toEqual({ true: true, false: false, yes: true, no: false, y: true, n: false, on: true, off: false, 1: true, 0: false });
  });

  it.each(Object.entries(BOOLEAN_WORDS))('%j on the command line is %s, for both true-or-false settings', (word, value) => {
    expect(SETTING_RULES.color.fromText(word)).toBe(value);
    expect(SETTING_RULES.includeBundled.fromText(` ${word.toUpperCase()}\t`)).toBe(value);
  });
});

describe('checkSetting', () => {
  it.each([
    ['banks', 'a', `'banks' must be a list of bank folders, e.g. ["~/my-questions"] (on the command line: ~/my-questions,~/more); found "a"`],
    ['includeBundled', 'true', `'includeBundled' must be true or false, e.g. true; found "true"`],
    ['quizCount', 0, `'quizCount' must be a whole number of 1 or more, e.g. 15; found 0`],
    ['passMark', null, `'passMark' must be a number above 0 and at most 1, e.g. 0.6; found null`],
    ['color', 1, `'color' must be true or false, e.g. false; found 1`],
  ] as const)('says what %s must be, with an example and what was found', (key, value, message) => {
    expect(checkSetting(key, value)).toBe(message);
  });

  it.each([
    ['banks', []],
    ['banks', ['~/a', 'relative/b']],
    ['quizCount', 1],
    ['quizCount', 200],
    ['passMark', 1],
    ['passMark', 0.01],
    ['includeBundled', false],
    ['color', false],
  ] as const)('accepts %s %j', (key, value) => {
    expect(checkSetting(key, value)).toBeUndefined();
  });

  it.each([
    ['banks', ['~/a', '']],
    ['banks', ['  ']],
    ['banks', ['~/a', 3]],
    ['banks', '~/a'],
    ['banks', { 0: '~/a' }],
    ['quizCount', 0],
    ['quizCount', -3],
    ['quizCount', 2.5],
    ['quizCount', '15'],
    ['quizCount', Number.POSITIVE_INFINITY],
    ['passMark', 0],
    ['passMark', -0.5],
    ['passMark', 1.0001],
    ['passMark', '0.6'],
    ['passMark', Number.NaN],
    ['includeBundled', 'true'],
    ['includeBundled', 1],
    ['color', 0],
    ['color', null],
  ] as const)('rejects %s %j', (key, value) => {
    expect(checkSetting(key, value)).toMatch(new RegExp(`^'${key}' must be .*; found `));
  });

  it('shows a long list cut to 60 characters, and other values as they print', () => {
    const long = Array.from({ length: 20 }, (_, i) => `folder-${i}`);
    expect(checkSetting('banks', [...long, 7])).toBe(`'banks' must be a list of bank folders, e.g. ["~/my-questions"] (on the command line: ~/my-questions,~/more); found ${JSON.stringify([...long, 7]).slice(0, 60)}`);
    expect(checkSetting('banks', [...long, 7])).toMatch(/; found \["folder-0","folder-1","folder-2","folder-3","folder-4","fol$/);
    expect(checkSetting('banks', [1])).toMatch(/; found \[1\]$/);
    expect(checkSetting('color', undefined)).toMatch(/; found undefined$/);
    expect(checkSetting('color', { on: true })).toMatch(/; found \[object Object\]$/);
  });
});

describe('values typed on the command line, read as they were typed when they are not', () => {
  it.each([
    ['quizCount', '', ''],
    ['quizCount', '   ', '   '],
    ['quizCount', 'ten', 'ten'],
    ['quizCount', ' 12 ', 12],
    ['passMark', '1e-1', 0.1],
    ['passMark', 'Infinity', 'Infinity'],
    ['color', ' maybe ', ' maybe '],
    ['banks', ' [not json', ' [not json'],
    ['banks', ' ["~/a", "~/b"] ', ['~/a', '~/b']],
    ['banks', '{"a": 1}', ['{"a": 1}']],
    ['banks', ' , ~/a,, ~/b , ', ['~/a', '~/b']],
    ['banks', '   ', []],
    ['banks', '~/one', ['~/one']],
  ] as const)('%s %j reads as %j', (key, text, value) => {
    expect(SETTING_RULES[key].fromText(text)).toEqual(value);
  });

  it('keeps a list in brackets that is not a list of folders for the check to refuse', () => {
    const parsed = SETTING_RULES.banks.fromText('[1, 2]');
    expect(parsed).toEqual([1, 2]);
    expect(checkSetting('banks', parsed)).toMatch(/^'banks' must be/);
  });
});

describe('parseSettings, whatever the file holds', () => {
  it.each([
    [null, 'null'],
    [15, '15'],
    ['{"quizCount": 15}', '"{\\"quizCount\\": 15}"'],
    [true, 'true'],
    [[], '[]'],
  ])('refuses %j, saying what it found', (data, shown) => {
    expect(parseSettings(data)).toEqual({ settings: {}, problems: [`the settings must be a JSON object such as {"quizCount": 15}; found ${shown}`] });
  });

  it('takes an empty object as no settings and no problems', () => {
    expect(parseSettings({})).toEqual({ settings: {}, problems: [] });
  });

  it('keeps every valid key, falsy values included', () => {
    const all = { banks: [], includeBundled: false, quizCount: 1, passMark: 1, color: false };
    expect(parseSettings(all)).toEqual({ settings: all, problems: [] });
  });

  it('offers no guess for an unknown key that is near none', () => {
    expect(parseSettings({ theme: 'dark', quizCount: 5 })).toEqual({
      settings: { quizCount: 5 },
      problems: ["unknown setting 'theme'; the settings are banks, includeBundled, quizCount, passMark, color"],
    });
  });
});
