import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

/** The formats of `check --format`, by name. */
export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish, json, junit, github };

export const DEFAULT_FORMAT = 'stylish';
