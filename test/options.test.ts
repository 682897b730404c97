import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, type CliEffects } from '../src/cli.js';
import { OPTIONS, optionEntries, type CommandName } from '../src/options.js';
import { COLUMN_ROLES } from '../src/types.js';

const effects: CliEffects = { stdout: () => {}, stderr: process.stderr, now: () => new Date(0), env: {} };

function commandNamed(name: CommandName): Command {
  let command = buildProgram(effects);
  for (const part of name.split(' ')) command = command.commands.find((c) => c.name() === part)!;
  return command;
}

const COMMANDS: CommandName[] = ['run', 'classify', 'evaluate', 'model pull', 'model info'];

describe('the option table', () => {
  it('generates exactly the flags each command offers', () => {
    for (const name of COMMANDS) {
      const expected = optionEntries()
        .filter(([, def]) => def.commands.includes(name))
        .flatMap(([, def]) => {
          if (def.type === 'columns') return COLUMN_ROLES.map((role) => `--${role}-column`);
          return [def.flag, def.negate?.flag].filter((f): f is string => Boolean(f)).map((f) => f.split(' ')[0]!);
        });
      expect(
        commandNamed(name).options.map((o) => o.long),
        name,
      ).toEqual(expected);
    }
  });

  it('writes each default into the help once, from the table', () => {
    const help = commandNamed('run').helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain(`(default ${OPTIONS.out.default})`);
    expect(help).toContain(`(default ${OPTIONS.minGroup.default})`);
    expect(help).toContain(`(default ${OPTIONS.model.default})`);
    expect(help).toMatch(/--engine <engine> .* \(default auto\) \(choices: "auto", "hybrid", "transformers", "lexical"\)/);
  });

  it('gives every option a help text and at least one way in (flag or config key)', () => {
    for (const [key, def] of optionEntries()) {
      expect(def.help.length, key).toBeGreaterThan(5);
      expect(def.commands.length, key).toBeGreaterThan(0);
      expect(Boolean(def.flag) || def.type === 'columns' || def.configKey !== false, key).toBe(true);
    }
  });
});
