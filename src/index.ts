/**
 * The library API: what the CLI is built on, for scripts.
 */
export { loadProposalText, type LoadedProposal } from './proposal/load.js';
export { counter, type CounterResult, type CounterOptions, type Request, type Alternative, type Change } from './engine/counter.js';
export { proposalJsonSchema, type Proposal } from './proposal/schema.js';
export type { Deal } from './engine/deal.js';
export type { LocatedFinding, Finding } from './findings/types.js';
