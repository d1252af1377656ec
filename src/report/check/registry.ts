import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';
import { printableData } from '../printable.js';

/** A format read by people (or shown to them, as GitHub annotations): the file's text made printable first. */
const forPeople = (reporter: Reporter): Reporter => (results, color) => reporter(printableData(results), color);

/** The formats of `check --format`, by name. */
export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish: forPeople(stylish), json, junit, github: forPeople(github) };

export const DEFAULT_FORMAT = 'stylish';
