/**
 * The version of the shape of every JSON output (counter, check, batch, diff), printed
 * as `schemaVersion` and documented in docs/json.md. Raised on any incompatible change,
 * so that a script can refuse a shape it does not know instead of misreading it.
 */
export const SCHEMA_VERSION = 2;
