/** `image`: an image with this tag exists (optionally: the same image as another tag). */
import { z } from 'zod';
import type { ImageFact, LessonState } from '../state.js';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { matchesId, sameRef } from './refs.js';

export const imageSchema = z.strictObject({
  kind: z.literal('image').describe('Passes when an image with this reference exists locally.'),
  ref: z.string().min(1).describe('`name:tag` (the tag defaults to latest) or an image ID prefix.'),
  sameIdAs: z.string().optional().describe('Another reference that must name the very same image ID (what `docker tag` creates).'),
});
export type ImageCheck = z.infer<typeof imageSchema>;

export function findImage(state: LessonState, ref: string): ImageFact | undefined {
  return state.images.find((image) => image.repoTags.some((tag) => sameRef(tag, ref))) ?? state.images.find((image) => matchesId(image.id, ref));
}

export const image: PredicateKind<ImageCheck> = {
  kind: 'image',
  describe: (c) => (c.sameIdAs ? `${c.ref} and ${c.sameIdAs} name the same image ID` : `an image ${c.ref} exists locally`),
  evaluate(c, state) {
    const found = findImage(state, c.ref);
    if (!found) return fail(`there is no image ${c.ref} (docker images does not list it)`);
    if (c.sameIdAs === undefined) return PASS;
    const other = findImage(state, c.sameIdAs);
    if (!other) return fail(`there is no image ${c.sameIdAs}`);
    return other.id === found.id ? PASS : fail(`${c.ref} and ${c.sameIdAs} are different images`);
  },
};
