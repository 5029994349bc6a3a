/**
 * Print the KPI glossary (src/analysis/glossary.ts) as the Markdown table the
 * README's "KPI glossary / 指标说明" section holds:
 *
 *     npx tsx scripts/glossary-md.ts            # print it
 *     npx tsx scripts/glossary-md.ts --write    # replace it in README.md, between the glossary markers
 *
 * src/analysis/glossary.test.ts fails when the README's table differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GLOSSARY_BEGIN, GLOSSARY_END, glossaryMarkdown } from '../src/analysis/glossary.ts';

const table = glossaryMarkdown();
if (process.argv.includes('--write')) {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(GLOSSARY_BEGIN),
    b = text.indexOf(GLOSSARY_END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${GLOSSARY_BEGIN} … ${GLOSSARY_END} markers`);
  writeFileSync(readme, `${text.slice(0, a + GLOSSARY_BEGIN.length)}\n${table}${text.slice(b)}`, 'utf8');
  console.log('README.md: glossary table written');
} else {
  process.stdout.write(table);
}
