import { readFileSync } from 'node:fs';
import { CONTRACT_SCHEMAS_FILE, contractSchemasJson } from '../../tools/contract-schemas';

describe('contract schemas', () => {
  it('are current: apps/api/src/openapi/contract-schemas.json is what libs/contracts says (else run `npm run schemas`)', () => {
    expect(readFileSync(CONTRACT_SCHEMAS_FILE, 'utf8')).toBe(contractSchemasJson());
  }, 120_000);
});
