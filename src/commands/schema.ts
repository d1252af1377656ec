import type { Output } from './output.js';
import { proposalJsonSchema } from '../proposal/schema.js';

/**
 * `valuepack schema`: the JSON Schema of the proposal format (draft-07, input side, so
 * editors accept what valuepack accepts). schema/proposal.schema.json is this output,
 * committed and shipped with the package; a test keeps the two equal.
 */
export function schemaCommand(out: Output): number {
  out.data(JSON.stringify(proposalJsonSchema(), null, 2) + '\n');
  return 0;
}
