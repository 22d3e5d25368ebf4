import 'reflect-metadata';
import { bootstrap } from './app/bootstrap';

bootstrap().catch((e: unknown) => {
  process.stderr.write(`\nThe API failed to start: ${e instanceof Error ? e.message : String(e)}\n\n`);
  process.exit(1);
});
