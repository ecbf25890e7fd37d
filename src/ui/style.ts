import chalk from 'chalk';

/**
 * Decides once whether to colour output. chalk reads FORCE_COLOR and whether stdout is a TTY,
 * but not NO_COLOR, so that and `--no-color` are applied here. marked-terminal shares this chalk.
 */
export function configureColor(enabled: boolean): void {
  if (!enabled || (process.env.NO_COLOR ?? '') !== '') chalk.level = 0;
}

/** Colours that carry meaning; everything printed in colour goes through these. */
export const style = {
  id: (text: string) => chalk.cyan(text),
  heading: (text: string) => chalk.bold(text),
  dim: (text: string) => chalk.dim(text),
  match: (text: string) => chalk.bold.yellow(text),
  error: (text: string) => chalk.red(text),
  warning: (text: string) => chalk.yellow(text),
  ok: (text: string) => chalk.green(text),
  hint: (text: string) => chalk.dim(text),
  difficulty: (level: string) => (level === 'easy' ? chalk.green(level) : level === 'hard' ? chalk.red(level) : chalk.yellow(level)),
};

/** Whether colour is on: some layouts (highlighting) have a plain-text fallback. */
export const colorEnabled = () => chalk.level > 0;
