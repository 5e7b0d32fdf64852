"""Small hand-kept word lists the matcher reasons with, in the languages it reads.

- ``INSTITUTION_WORDS``: the vocabulary of institution names. An organisation name made only
  of these words ("Security Council", "National Security Committee", "Совет безопасности")
  names a body of some country or other, so it is matched only when the text is about a
  country of ours; "Jogorku Kenesh" or "Ata Meken" are names in their own right.
- ``CUE_WORDS``: words next to a place name that say what kind of place it is.
- ``TITLE_WORDS``: titles before a person's name (Marshal Zhukov, President Japarov): a place
  name after one may be a surname.
- ``DEMONYMS``: adjectives of the countries around Kyrgyzstan, declined, with their country
  codes: "the Kazakh town of Aksu" is in Kazakhstan, whatever Kyrgyz place is called so.
"""

from __future__ import annotations

from .keys import name_key

_INSTITUTION = """
the of for and on in at to a an
state national federal central supreme constitutional general presidential republican
security council committee commission government cabinet ministry minister ministers
office administration service services agency court prosecutor prosecutor's bank
election elections affairs interior foreign internal defence defense justice finance
economy economic health education emergency emergencies situations border guard guards
customs tax police army armed forces guard assembly parliament people's party democratic
social socialist liberal communist union united front movement president's chamber
board house senate main directorate department investigative investigation committee's
staatliches staatlicher komitee für nationale nationalen sicherheit sicherheitsrat rat
regierung ministerium der die das des und
comité d'état pour la sécurité nationale conseil de sécurité gouvernement ministère du
państwowy komitet bezpieczeństwa narodowego rada rząd ministerstwo
государственный государственного комитет комитета национальной безопасности совет совета
правительство министерство служба федеральная пограничная генеральная прокуратура
""".split()
INSTITUTION_WORDS = frozenset(name_key(word) for word in _INSTITUTION)

_CUES = {
    "village": "village aiyl kishlak dorf wieś wsi vesnice köyü село селе села селом айыл "
    "айылы айылында аил",
    "region": "region oblast province regionu gebiet région obwód obwodu область области "
    "облусу облусунда oblasty bölgesi",
    "district": "district raion rayon rajon район районе району районунда bezirk powiat ilçesi",
    "city": "city town stadt miasto ville город городе шаар шаары шаарында şehri",
    "lake": "lake see jezioro lac lago озеро озера озере көлү gölü",
}
CUE_WORDS = {name_key(word): kind for kind, cues in _CUES.items() for word in cues.split()}

_TITLES = """
mr mrs ms dr prof president premier minister general marshal colonel admiral
senator deputy governor mayor ambassador chairman comrade herr frau präsident präsidentin
marschall pan pani prezydent generał marszałek monsieur madame président ministre général
maréchal cumhurbaşkanı bakan президент премьер министр генерал маршал депутат губернатор мэр
господин госпожа товарищ
"""
TITLE_WORDS = frozenset(_TITLES.split())  # matched as written, case-folded: by key, her is herr

# Per country: English and French words as they are; stems that take the endings of German,
# Russian and Polish adjectives.
_DEMONYM_WORDS = {
    "KZ": "kazakh kazakhstani kazakhe kazakhs kazakhes kazakhstanais kazakhstanaise",
    "UZ": "uzbek uzbekistani ouzbek ouzbèke ouzbeks ouzbèkes",
    "TJ": "tajik tajikistani tadjik tadjike tadjiks tadjikes",
    "CN": "chinese chinois chinoise chinoises",
    "RU": "russian russe russes",
    "KG": "kyrgyz kirghiz kyrgyzstani kirghize kirghizes",
    "TM": "turkmen turkmène turkmènes",
}
_DEMONYM_STEMS = {
    "KZ": "kasachisch казахстанск казахск kazachsk kazachstańsk",
    "UZ": "usbekisch узбекск узбекистанск uzbeck",
    "TJ": "tadschikisch таджикск таджикистанск tadżyck",
    "CN": "chinesisch китайск chińsk",
    "RU": "russisch российск русск rosyjsk",
    "KG": "kirgisisch киргизск кыргызск кыргызстанск kirgisk",
    "TM": "turkmenisch туркменск turkmeńsk",
}
_ADJECTIVE_ENDINGS = (
    "e en er es em "  # German
    "ий ая ое ого ому ом ой ую ые их им ими "  # Russian
    "i a ie iego iej im ą"  # Polish
).split()
DEMONYMS = {word: country for country, words in _DEMONYM_WORDS.items() for word in words.split()}
DEMONYMS.update(
    (stem + ending, country)
    for country, stems in _DEMONYM_STEMS.items()
    for stem in stems.split()
    for ending in _ADJECTIVE_ENDINGS
)
