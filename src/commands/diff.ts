import { diffOffers, type Offer } from '../proposal/diff.js';
import { InputError } from '../api/errors.js';
import type { LocatedFinding } from '../proposal/findings.js';
import type { Output } from './output.js';
import { locate } from '../proposal/load.js';
import { renderDiffJson } from '../report/diff-json.js';
import { renderDiffText } from '../report/diff-text.js';
import { loadOrThrow, type GlobalOptions } from './shared.js';

export interface DiffCommandOptions {
  readonly json?: boolean;
}

/** `valuepack diff OLD NEW`: as diff(1), exit 0 when the offers are the same and 1 when they differ. */
export function diffCommand(oldFile: string, newFile: string, opts: DiffCommandOptions, global: GlobalOptions, out: Output): number {
  const [a, b] = loadBoth([oldFile, newFile], global);
  const result = diffOffers(offer(a), offer(b));
  if ('finding' in result) throw new InputError(locate([result.finding], newFile, b.source, b.doc));
  const files = { old: oldFile, new: newFile };
  out.data(opts.json ? renderDiffJson(result.diff, files) : renderDiffText(result.diff, files, global.color));
  return result.diff.same ? 0 : 1;
}

type Loaded = ReturnType<typeof loadOrThrow>;

/** Both files, so that the problems of both are reported at once rather than one run at a time. */
function loadBoth(files: readonly [string, string], global: GlobalOptions): [Loaded, Loaded] {
  const findings: LocatedFinding[] = [];
  const load = (file: string): Loaded | undefined => {
    try {
      return loadOrThrow(file, global);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      findings.push(...e.findings);
      return undefined;
    }
  };
  const a = load(files[0]);
  const b = load(files[1]);
  if (!a || !b) throw new InputError(findings);
  return [a, b];
}

/** A loaded file's validated proposal is there whenever its deal is. */
const offer = (l: Loaded): Offer => ({ proposal: l.proposal!, deal: l.deal });
