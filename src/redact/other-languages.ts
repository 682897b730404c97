// Feedback in German, Dutch, French or Spanish, as redaction reads it: when a sentence is in one of
// them, and the words there that stand before a name (titles) or before a noun (articles).
import { isEverydayElsewhere } from './name-list.js';

const WORD = /(?<![\p{L}\p{N}'’-])\p{L}[\p{L}'’-]*/gu;

/**
 * A sentence in German, Dutch, French or Spanish: two or more of its words are everyday there and no
 * English word ("nicht", "für", "uns"; "niet", "voor"), or one in a sentence with no English word.
 * German capitalises every noun, and the broad list of names holds many nouns of these languages
 * (Stelle, Arbeit, Deutsch, Werk, Poste), so there a word only that list knows, after an article or
 * a possessive ("die Stelle"), is a noun unless something says it is a name (nameSupported).
 */
export function readsAsOtherLanguage(sentence: string, isEverydayEnglish: (lower: string) => boolean): boolean {
  let elsewhere = 0;
  let english = 0;
  for (const { 0: word } of sentence.matchAll(WORD)) {
    const lower = word.toLowerCase();
    const englishWord = isEverydayEnglish(lower);
    if (isEverydayElsewhere(lower)) {
      if (!englishWord) elsewhere++;
    } else if (englishWord) english++;
  }
  // One such word is enough in a sentence with no word of English ("Stelle war nicht ausreichend.").
  return elsewhere >= 2 || (elsewhere === 1 && english === 0);
}

/** Titles of these languages: "Herr Müller", "Frau Schmidt", "Mevrouw de Vries", "Mme Dubois", "Sra. García". */
export const TITLE_ELSEWHERE = String.raw`Herrn?|Frau|Fr|Hr|Kollegin|Kollege|Mevrouw|Meneer|Mevr|Dhr|Monsieur|Madame|Mme|Mlle|Señora?|Sra?|Srta|Doña|Don`;
/** What only a person does, in those languages: "Anja meinte …", "Jan zei …", "Luis dijo …". */
export const PERSON_VERB_ELSEWHERE = String.raw`sagte|sagt|meinte|meint|fand|findet|zei|zegt|vond|vindt|dit|a dit|trouve|dijo|dice|comentó|opina`;
export const AFTER_TITLE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${TITLE_ELSEWHERE}|Dr|Prof|Mr|Mrs|Ms)\.?\s+(?:(?:de|van|von|der|den|la|le|del|di)\s+)*$`,
  'u',
);

/** An article or possessive of those languages just before a word: a noun follows ("die Stelle", "Ihre Arbeit", "de Werkgever", "la Poste"). */
export const AFTER_DETERMINER =
  /(?:^|[^\p{L}])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|ihr|ihre|ihren|ihrem|ihrer|unser|unsere|unseren|unserem|dein|deine|mein|meine|sein|seine|im|am|zum|zur|vom|beim|ins|diese|dieser|dieses|diesem|diesen|de|het|een|uw|jouw|onze|deze|le|la|les|l['’]|un|une|du|au|aux|votre|vos|notre|nos|cette|ces|el|los|las|una|unos|unas|su|sus|del|al|nuestro|nuestra|este|esta|il|lo|gli)\s*$/iu;
