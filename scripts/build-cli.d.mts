/** Types of scripts/build-cli.mjs (plain JavaScript, so that `npm install` runs it without a TypeScript loader). */
export declare const OUT_DIR: string;
export declare function buildCli(opts?: {
  log?: (message: string) => void;
}): Promise<{ files: string[]; written: number; ms: number }>;
