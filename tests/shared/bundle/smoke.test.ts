import { it } from 'vitest';
import { z } from 'zod';
import { manifestSchema, signatureFileSchema, PAYLOAD_ENTRY_SCHEMAS } from '../../../shared/bundle';
it('smoke', () => {
  const m = z.toJSONSchema(manifestSchema);
  console.log(JSON.stringify(m).slice(0, 1500));
  console.log(JSON.stringify(z.toJSONSchema(signatureFileSchema)));
  for (const [k, s] of Object.entries(PAYLOAD_ENTRY_SCHEMAS)) console.log(k, JSON.stringify(z.toJSONSchema(s)).length);
  console.log(JSON.stringify(z.toJSONSchema(PAYLOAD_ENTRY_SCHEMAS.scoresheets)).slice(0, 3000));
});
