import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, type CliEffects } from '../src/cli.js';
import { OPTIONS, optionEntries, type CommandName } from '../src/options.js';

const effects: CliEffects = { stdout: () => {}, stderr: process.stderr, now: () => new Date(0), env: {} };

function commandNamed(name: CommandName): Command {
  let command = buildProgram(effects);
  for (const part of name.split(' ')) command = command.commands.find((c) => c.name() === part)!;
  return command;
}

/** The README's table of `run` options: each row's flags (the `--id-` of `--id-column` spelt out) and its default. */
function readmeRunTable(): { flags: string[]; default: string }[] {
  const readme = readFileSync(path.resolve('README.md'), 'utf8');
  const start = readme.indexOf('`run` options');
  const table = readme.slice(start, readme.indexOf('\n\n', readme.indexOf('| --- |', start)));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `--'))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
      const flags = [...cells[1]!.matchAll(/--[a-z][a-z-]*/g)].map((m) => (m[0].endsWith('-') ? `${m[0]}column` : m[0]));
      return { flags, default: cells[3]! };
    });
}

describe('the option table', () => {
  it("offers on run exactly the flags the README documents, with the table's defaults", () => {
    const rows = readmeRunTable();
    const documented = rows.flatMap((row) => row.flags);
    const offered = commandNamed('run').options.map((o) => o.long!);
    expect([...documented].sort()).toEqual([...offered].sort());
    for (const [key, def] of optionEntries()) {
      if (!def.commands.includes('run') || !def.flag) continue;
      const row = rows.find((r) => r.flags.includes(def.flag!.split(' ')[0]!))!;
      if (typeof def.default === 'string' || typeof def.default === 'number') expect(row.default, key).toContain(String(def.default));
      if (def.type === 'boolean' && def.default !== true) expect(row.default, key).toBe('off');
    }
  });

  it('offers the flags of every other command, the engine options on each that classifies', () => {
    const flags = (name: CommandName) => commandNamed(name).options.map((o) => o.long);
    expect(flags('classify')).toEqual(
      expect.arrayContaining(['--engine', '--model', '--offline', '--taxonomy', '--thresholds', '--corrections']),
    );
    expect(flags('evaluate')).toEqual(expect.arrayContaining(['--engine', '--calibrate', '--json']));
    expect(flags('classify')).not.toContain('--out');
    expect(flags('model info')).not.toContain('--engine');
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
