import type { Command, Option } from 'commander';
import { DIFFICULTIES } from '../core/bank/question.js';
import { SETTING_KEYS } from '../core/settings.js';
import { UsageError } from '../errors.js';
import { loadQuestions, type BankOptions } from './bank-options.js';

// Completion is dynamic: the shell script asks `nnquiz __complete -- <words so far>` on every
// Tab, so topics, tags and ids come from the banks in use, including a --bank on the line.

/** Tells the shell script to complete file or folder names itself. */
const FILES = '__files__';
const FOLDERS = '__dirs__';

// Options declared with commander's .choices() complete from those; --difficulty takes a list, so
// it has a parser of its own instead.
const VALUE_CHOICES: Record<string, readonly string[]> = { '--difficulty': DIFFICULTIES };
const PATH_VALUES: Record<string, string> = { '--bank': FOLDERS, '--data-dir': FOLDERS, '--out': FILES, '--answer-file': FILES };
const POSITIONAL_CHOICES: Record<string, string[]> = {
  completion: ['bash', 'zsh', 'fish'],
  config: ['path', 'list', 'get', 'set', 'unset'],
};

const takesValue = (option: Option) => option.required || option.optional;
const visibleCommands = (program: Command) => program.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden);

function findOption(options: readonly Option[], word: string): Option | undefined {
  return options.find((o) => o.long === word || o.short === word);
}

/** The candidates for the last word of a command line (the words after `nnquiz`, the last one being typed). */
export function completeWords(program: Command, words: string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const globalOptions = program.options;
  let command: Command | undefined;
  const positionals: string[] = [];
  const banks: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    const options = [...(command?.options ?? []), ...globalOptions];
    if (word.startsWith('-')) {
      const option = findOption(options, word.split('=')[0]!);
      if (option && takesValue(option) && !word.includes('=')) {
        if (option.long === '--bank' && before[i + 1]) banks.push(before[i + 1]!);
        i++;
      }
    } else if (!command) command = visibleCommands(program).find((c) => c.name() === word || c.aliases().includes(word));
    else positionals.push(word);
  }
  const previous = before.at(-1);
  const all = (list: readonly string[]) => list.filter((candidate) => candidate.startsWith(current));

  if (previous?.startsWith('-') && !previous.includes('=')) {
    const option = findOption([...(command?.options ?? []), ...globalOptions], previous);
    if (option && takesValue(option)) {
      const long = option.long ?? '';
      const choices = option.argChoices ?? VALUE_CHOICES[long];
      if (choices) return all([...choices]);
      if (PATH_VALUES[long]) return [PATH_VALUES[long]];
      if (long === '--topic' || long === '--tag' || long === '--ids') return all(bankValues(long, { bank: banks }));
      return [];
    }
  }
  if (!command) {
    if (current.startsWith('-')) return all(globalOptions.map((o) => o.long!).filter(Boolean));
    return all(visibleCommands(program).map((c) => c.name()));
  }
  if (current.startsWith('-')) return all([...command.options, ...globalOptions].map((o) => o.long!).filter(Boolean));
  const name = command.name();
  if ((name === 'show' || name === 'grade') && positionals.length === 0) return all(bankValues('--ids', { bank: banks }));
  if (name === 'config') return all(positionals.length === 0 ? POSITIONAL_CHOICES.config! : positionals.length === 1 && positionals[0] !== 'path' && positionals[0] !== 'list' ? SETTING_KEYS : []);
  if (name === 'completion' && positionals.length === 0) return all(POSITIONAL_CHOICES.completion!);
  if (name === 'validate') return [FOLDERS];
  if (name === 'import') return [FILES];
  return [];
}

/** Topics, tags or ids of the banks in use; nothing when they cannot be loaded (completion never fails loudly). */
function bankValues(option: string, options: BankOptions): string[] {
  try {
    const questions = loadQuestions(options);
    const values = option === '--topic' ? questions.map((q) => q.topic) : option === '--tag' ? questions.flatMap((q) => q.tags) : questions.map((q) => q.id);
    return [...new Set(values)].sort();
  } catch {
    return [];
  }
}

const BASH = `# nnquiz completion for bash: add to ~/.bashrc:  source <(nnquiz completion bash)
_nnquiz_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  local candidates
  candidates=$(nnquiz __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  if [[ "$candidates" == "${FILES}" ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  elif [[ "$candidates" == "${FOLDERS}" ]]; then
    COMPREPLY=($(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
  fi
}
complete -o filenames -F _nnquiz_completion nnquiz
`;

const ZSH = `#compdef nnquiz
# nnquiz completion for zsh: add to ~/.zshrc:  source <(nnquiz completion zsh)
_nnquiz() {
  local -a candidates
  candidates=("\${(@f)$(nnquiz __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "\${candidates[1]}" == "${FILES}" ]]; then
    _files
  elif [[ "\${candidates[1]}" == "${FOLDERS}" ]]; then
    _files -/
  else
    compadd -- "\${candidates[@]}"
  fi
}
compdef _nnquiz nnquiz
`;

const FISH = `# nnquiz completion for fish: nnquiz completion fish > ~/.config/fish/completions/nnquiz.fish
function __nnquiz_complete
    set -l tokens (commandline -opc) (commandline -ct)
    set -e tokens[1]
    set -l candidates (nnquiz __complete -- $tokens 2>/dev/null)
    if test "$candidates" = "${FILES}"
        __fish_complete_path (commandline -ct)
    else if test "$candidates" = "${FOLDERS}"
        __fish_complete_directories (commandline -ct)
    else
        printf '%s\\n' $candidates
    end
end
complete -c nnquiz -f -a '(__nnquiz_complete)'
`;

/** `nnquiz completion bash|zsh|fish`: prints the script to install. */
export function runCompletion(shell: string): number {
  const scripts: Record<string, string> = { bash: BASH, zsh: ZSH, fish: FISH };
  const script = scripts[shell];
  if (!script) throw new UsageError(`no completion for ${JSON.stringify(shell)}`, 'choose bash, zsh or fish');
  process.stdout.write(script);
  return 0;
}

/** `nnquiz __complete -- <words>`: one candidate per line, for the completion scripts. */
export async function runComplete(words: string[]): Promise<number> {
  const { buildProgram } = await import('../program.js');
  process.stdout.write(completeWords(buildProgram(), words.length > 0 ? words : ['']).map((c) => `${c}\n`).join(''));
  return 0;
}
