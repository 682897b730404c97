import { CliError, ExitCode } from '../errors.js';
import { formatTaxonomy, loadTaxonomy } from '../taxonomy/load.js';

/** Exit 0 with a one-line verdict, or a CliError (exit 2) listing every problem. */
export async function taxonomyValidateCommand(file?: string): Promise<string> {
  const taxonomy = await loadTaxonomy(file);
  const examples = taxonomy.themes.reduce((n, t) => n + t.examples.length, 0);
  return `${taxonomy.source}: valid — ${taxonomy.themes.length} themes, ${examples} exemplar sentences\n`;
}

export async function taxonomyShowCommand(file?: string): Promise<string> {
  const taxonomy = await loadTaxonomy(file);
  const text = formatTaxonomy(taxonomy);
  if (!text) throw new CliError(`${taxonomy.source}: no themes to show`, ExitCode.usage);
  return text.endsWith('\n') ? text : `${text}\n`;
}
