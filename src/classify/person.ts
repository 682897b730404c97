// A noun that names a person, read from its ending rather than from a list of jobs: "receptionist",
// "controller", "technician", "interviewees", "foreman", "cashier", or one of the few with no such
// ending ("guy", "rep", "deputy"). Who acts (others-act.ts) and who got the job (comparison.ts) are
// read with it.

const PERSON_ENDING = /^[a-z]{3,}(?:er|ier|or|ist|ista|ian|ant|ee|man|men|woman|women)s?$/;
const PEOPLE = new Set(
  (
    'man men woman women guy guys bloke blokes lady ladies chap chaps fella fellas lad lads lass lasses person people rep reps deputy deputies staff boss ' +
    'chair sparky colleague colleagues parent parents patient patients customer customers public crew family partner ' +
    'partners wife husband son daughter kid kids child children head lead'
  ).split(' '),
);
// Nouns with a person's ending that name no person; some name the candidate's own conduct ("the manner
// was abrupt").
const NOT_PEOPLE = new Set(
  (
    'answer answers manner manners temper character humour humor behavior demeanor error errors color colour letter letters ' +
    'number numbers paper papers matter order cover water power border center centre corner chapter floor door factor ' +
    'factors sector monitor computer printer folder timer meter other others whether together either neither rather after ' +
    'over under never ever however later earlier better quarter summer winter offer offers register poster dinner weather ' +
    'trailer shower tower flower jumper sweater blazer trainers restaurant plant want important elevator calculator barrier ' +
    'frontier dossier premier'
  ).split(' '),
);

/** Whether a lower-case noun names a person. */
export function isPerson(noun: string): boolean {
  return !NOT_PEOPLE.has(noun) && (PEOPLE.has(noun) || PERSON_ENDING.test(noun));
}
