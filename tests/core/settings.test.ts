import { describe, expect, it } from 'vitest';
import { checkSetting, closestSettingKeys, parseSettings, SETTING_RULES } from '../../src/core/settings.js';

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
