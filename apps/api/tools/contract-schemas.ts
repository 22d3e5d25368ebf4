/**
 * Writes apps/api/src/openapi/contract-schemas.json: a JSON Schema for every type libs/contracts
 * exports, made from the TypeScript itself (typescript-json-schema), so the OpenAPI document describes
 * answers with the very types the web app compiles against. Run after changing a contract type:
 *   npm run schemas
 * A unit test (contract-schemas.spec.ts) fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGenerator, getProgramFromFiles, ts } from 'typescript-json-schema';

const root = join(__dirname, '..', '..', '..');
export const CONTRACT_SCHEMAS_FILE = join(root, 'apps', 'api', 'src', 'openapi', 'contract-schemas.json');

type Schema = Record<string, unknown>;

/** A component name OpenAPI accepts (`Omit<StoryFigure,"id">` → `Omit_StoryFigure_id`). */
const componentName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');

/** `#/definitions/X` → `#/components/schemas/X`, everywhere in a schema, with X made a component name. */
function toComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? `#/components/schemas/${componentName(decodeURIComponent(v.replace('#/definitions/', '')))}`
          : toComponentRefs(v),
      ]),
    );
  }
  return value;
}

export function generateContractSchemas(): Record<string, Schema> {
  const entry = join(root, 'libs', 'contracts', 'src', 'index.ts');
  const program = getProgramFromFiles([entry], { strict: true, skipLibCheck: true, target: 'es2020', lib: ['es2020'] }, root);
  const generator = buildGenerator(program, {
    required: true,
    noExtraProps: true,
    strictNullChecks: true,
    ref: true,
    aliasRef: false,
    topRef: false,
    titles: false,
    ignoreErrors: false,
  });
  if (!generator) throw new Error('libs/contracts does not compile');
  // Interfaces only: what the API answers with. (Request shapes are documented by the DTO classes,
  // and mapped helper types are not schemas.)
  const names = generator
    .getSymbols()
    .filter((ref) =>
      ref.symbol.declarations?.some((d) => ts.isInterfaceDeclaration(d) && d.getSourceFile().fileName.includes('/libs/contracts/')),
    )
    .filter((ref) => !(ref.symbol.declarations?.[0] as ts.InterfaceDeclaration).typeParameters?.length)
    .map((ref) => ref.name)
    .sort();
  const all = generator.getSchemaForSymbols(names, true) as { definitions?: Record<string, Schema> };
  const definitions = all.definitions ?? {};
  return Object.fromEntries(
    Object.keys(definitions)
      .map((name) => [componentName(name), toComponentRefs(definitions[name]) as Schema] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function contractSchemasJson(): string {
  return `${JSON.stringify(generateContractSchemas(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(CONTRACT_SCHEMAS_FILE, contractSchemasJson());
  process.stdout.write(`wrote ${CONTRACT_SCHEMAS_FILE}\n`);
}
