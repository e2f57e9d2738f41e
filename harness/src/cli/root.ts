/** The project root: where params.yaml and reproductions/ live (the current directory by default). */
import path from 'node:path';

export function projectRoot(): string {
  return path.resolve(process.env.REPRO_ROOT ?? process.cwd());
}
