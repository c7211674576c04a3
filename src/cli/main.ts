// The `congthuong` command line. Each capability adds its commands in its own file.
import { Command } from 'commander';
import { ConfigError } from '../config/config.ts';
import { registerServeCommand } from '../server/cli.ts';
import { registerCatalogueCommands } from '../catalogue/cli.ts';
import { registerValueCommands } from '../collection/cli.ts';
import { registerAnalyticsCommands } from '../analytics/cli.ts';
import { registerAccountCommands } from '../access/cli.ts';
import { registerDatasetCommands } from '../collection/datasets/cli.ts';
import { registerReportCommands } from '../reports/cli.ts';
import { registerConferenceCommands } from '../conferences/cli.ts';
import { registerFollowupCommands } from '../followup/cli.ts';
import { registerExtractCommand } from '../extraction/cli.ts';
import { registerOpsCommands } from '../ops/cli.ts';
import '../server/compose.ts';

const program = new Command()
  .name('congthuong')
  .description('Công Thương Vùng — số liệu ngành Công Thương theo vùng / regional Industry and Trade figures')
  .showHelpAfterError();

registerServeCommand(program);
registerCatalogueCommands(program);
registerValueCommands(program);
registerAnalyticsCommands(program);
registerAccountCommands(program);
registerDatasetCommands(program);
registerReportCommands(program);
registerConferenceCommands(program);
registerFollowupCommands(program);
registerExtractCommand(program);
registerOpsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  const err = e as Error & { userMessage?: string };
  console.error(err.userMessage ?? `Lỗi / Error: ${err.message}`);
  if (process.env.DEBUG) console.error(err.stack);
  process.exit(1);
}
