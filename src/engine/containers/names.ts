/**
 * Container names: validation (moby daemon/names) and the random
 * `adjective_surname` generator (moby internal/namesgenerator word lists).
 */
import type { IdSource } from '../../os/clock.js';
import { EngineError } from '../errors/EngineError.js';

const LEFT = (
  'admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy charming clever ' +
  'compassionate competent condescending confident cool cranky crazy dazzling determined distracted dreamy eager ecstatic ' +
  'elastic elated elegant eloquent epic exciting fervent festive flamboyant focused friendly frosty funny gallant gifted goofy ' +
  'gracious great happy hardcore heuristic hopeful hungry infallible inspiring intelligent interesting jolly jovial keen kind ' +
  'laughing loving lucid magical modest musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful ' +
  'pedantic pensive practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp silly sleepy ' +
  'stoic strange stupefied suspicious sweet tender thirsty trusting unruffled upbeat vibrant vigilant vigorous wizardly ' +
  'wonderful xenodochial youthful zealous zen'
).split(' ');

const RIGHT = (
  'agnesi albattani allen almeida antonelli archimedes ardinghelli aryabhata austin babbage banach banzai bardeen bartik ' +
  'bassi beaver bell benz bhabha bhaskara black blackburn blackwell bohr booth borg bose bouman boyd brahmagupta brattain ' +
  'brown buck burnell cannon carson cartwright carver cerf chandrasekhar chaplygin chatelet chatterjee chaum chebyshev ' +
  'clarke cohen colden cori cray curie curran darwin davinci dewdney dhawan diffie dijkstra dirac driscoll dubinsky easley ' +
  'edison einstein elbakyan elgamal elion ellis engelbart euclid euler faraday feistel fermat fermi feynman franklin ' +
  'gagarin galileo galois ganguly gates gauss germain goldberg goldstine goldwasser golick goodall gould greider ' +
  'grothendieck haibt hamilton haslett hawking heisenberg hellman hermann herschel hertz heyrovsky hodgkin hofstadter ' +
  'hoover hopper hugle hypatia ishizaka jackson jang jemison jennings jepsen johnson joliot jones kalam kapitsa kare ' +
  'keldysh keller kepler khayyam khorana kilby kirch knuth kowalevski lalande lamarr lamport leakey leavitt lederberg ' +
  'lehmann lewin lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer mccarthy mcclintock mclaren ' +
  'mclean mcnulty meitner mendel mendeleev meninsky merkle mestorf mirzakhani montalcini moore morse moser murdock napier ' +
  'nash neumann newton nightingale nobel noether northcutt noyce panini pare pascal pasteur payne perlman pike poincare ' +
  'poitras proskuriakova ptolemy raman ramanujan rhodes ride ritchie robinson roentgen rosalind rubin saha sammet ' +
  'sanderson satoshi shamir shannon shaw shirley shockley shtern sinoussi snyder solomon spence stonebraker sutherland ' +
  'swanson swartz swirles taussig tesla tharp thompson torvalds tu turing varahamihira vaughan villani visvesvaraya ' +
  'volhard wescoff wilbur wiles williams williamson wilson wing wozniak wright wu yalow yonath zhukovsky'
).split(' ');

export const NAME_WORDS: { readonly left: readonly string[]; readonly right: readonly string[] } = { left: LEFT, right: RIGHT };

/** namesgenerator.GetRandomName: retries after a clash append one random digit. */
export function randomName(ids: IdSource, retry: number): string {
  for (;;) {
    const name = `${LEFT[ids.int(LEFT.length)]}_${RIGHT[ids.int(RIGHT.length)]}`;
    // Steve Wozniak is not boring (moby's own rule).
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? name + String(ids.int(10)) : name;
  }
}

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Returns the name without its leading slash, or throws Docker's 400. */
export function validateContainerName(name: string): string {
  if (!VALID_NAME.test(name)) {
    throw new EngineError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 'invalidParameter');
  }
  return name.startsWith('/') ? name.slice(1) : name;
}

/** daemon/names.go generateAndReserveName: up to 6 tries, then the short ID. */
export function generateName(ids: IdSource, taken: (name: string) => boolean, id: string): string {
  for (let retry = 0; retry < 6; retry++) {
    const name = randomName(ids, retry);
    if (!taken(name)) return name;
  }
  return id.slice(0, 12);
}
