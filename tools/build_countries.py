"""Write ``countries.csv``: one registry row for each country the news may name.

Run ``python tools/build_countries.py`` (or ``--out PATH`` to write elsewhere). The
output is deterministic: rows sorted by ``actor_id``, ``\\n`` line endings, forms in a fixed
order, so re-running the script reproduces the committed file byte for byte. The file is
written to a temporary file beside the target and renamed over it, so a reader never sees half
a file.

Which countries
    The 193 UN member states, the two UN observer states (the Holy See and Palestine), and
    Kosovo and Taiwan: 197 rows. The last four are included because the news names them
    constantly, not as a statement on their status, which is disputed (Kosovo is not recognised
    by many states including Serbia, Russia and China; Taiwan is claimed by the People's Republic
    of China and sits in the UN as neither member nor observer).

Where each column comes from
    ``actor_id``   the slug of ``name`` (accents folded, apostrophes dropped, other
                   non-alphanumerics turned into hyphens): ``Côte d'Ivoire`` -> ``cote-divoire``.
    ``name``       the hand table below: the short English name a chart should show.
    ``type``       always ``country``; ``country`` is the row's own ``actor_id``.
    ``code``       ISO 3166-1 alpha-3 from the hand table, checked against pycountry (built
                   with pycountry 26.2.16). Kosovo has no ISO code; it gets the user-assigned
                   ``XKX`` used by the EU and the IMF.
    ``aliases``    first the forms pycountry gives (``official_name``, ``name``,
                   ``common_name``, in that order), then the hand table's aliases; duplicates
                   and the ``name`` itself are left out. A pycountry form is skipped when it is
                   an inverted catalogue form that prose never uses (it contains a comma or a
                   parenthesis: ``Korea, Republic of``, ``Holy See (Vatican City State)``), a
                   leading ``the`` is dropped (``the State of Eritrea`` -> ``State of Eritrea``),
                   and ``PYCOUNTRY_EXCLUDED`` lists the few forms withheld on purpose.
    ``adjectives`` the hand table: demonym adjectives as capitalised in running text.
    ``titles``, ``pronoun``  empty.

Decisions on ambiguous forms (matching is case-sensitive and should prefer the longest form, so
``Papua New Guinea`` beats ``Guinea`` and ``People's Republic of China`` beats ``Republic of
China``):

* Names that are also ordinary words or first names are kept, because in diplomatic news the
  capitalised form is the country far more often than not: ``Chad`` (a first name), ``Jordan``
  (a first name, the river), ``Georgia`` and ``Georgian`` (the US state), ``Turkey`` (the bird
  only at the start of a sentence), ``Niger`` (the river, and the Niger Delta, which is in
  Nigeria), ``Guinea`` (the Gulf of Guinea), ``Ireland`` and ``Irish`` (the island), ``Indian``
  (the Indian Ocean), ``Micronesia`` (the region). These are known false-match risks.
* ``America`` is not an alias of the United States: ``Latin America``, ``South America`` and
  ``Central America`` would all match it. ``American`` is kept as the US adjective (it is the
  US in the great majority of news uses) and is a risk in ``Latin American``. ``U.S.`` is an
  alias only, never an adjective, because in ``U.S. officials`` it is the name. ``US`` is kept
  although an all-capitals headline could contain the word "us".
* ``Congo`` and ``Congolese`` go to the Democratic Republic of the Congo (``dr-congo``), as
  wire copy uses them after first reference; the Republic of the Congo is matched only by its
  distinct forms (``Republic of the Congo``, ``Congo-Brazzaville``, ``Congo Republic``), so
  pycountry's bare ``Congo`` for it is withheld. The Congo river and basin are a risk.
* ``Dominican`` goes to the Dominican Republic; Dominica (whose demonym is spelled the same)
  gets no adjective.
* ``Korea`` and ``Korean`` go to neither Korea. ``Republic of China`` is Taiwan's official
  name and is kept for Taiwan (longest-match protects ``People's Republic of China``).
* ``Macedonia`` and ``Macedonian`` are kept for North Macedonia as its name before 2019; they
  also name a Greek region, a risk in Greek news.
* Historical names kept for older articles: ``Burma``/``Burmese``, ``Ivory Coast``,
  ``Swaziland``, ``Zaire``, ``East Timor``, ``Cape Verde``, ``Czech Republic``, and the
  informal ``Holland``. Left out as too ambiguous: ``Persia``/``Persian`` (the Persian Gulf),
  ``Ceylon`` (tea).
* Left out because they are common words, brands or other bodies: ``Emirates`` (the airline),
  ``CAR`` and ``Central African`` for the Central African Republic, ``England`` (a part of the
  United Kingdom, not the state). Capital-city metonyms (``Washington``, ``Moscow``) belong to
  the place registry, not here.
* Curly apostrophes (``Côte d’Ivoire``) are not listed separately; the text should be
  normalised to straight apostrophes before matching.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import unicodedata
from importlib.metadata import version
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "registry" / "countries.csv"
COLUMNS = (
    *("actor_id", "name", "type", "country", "code"),
    *("aliases", "adjectives", "titles", "pronoun"),
)
PYCOUNTRY_VERSION = "26.2.16"
NON_ISO_CODES = {"XKX": "Kosovo"}

# pycountry forms withheld from a country's aliases, by alpha-3 code.
PYCOUNTRY_EXCLUDED = {
    "COG": {"Congo"},  # bare "Congo" is given to the Democratic Republic of the Congo
}

# The hand-checked table. status: member (UN member state), observer (UN observer state),
# other (named in the news, status disputed). aliases and adjectives are "|"-separated and are
# added to what pycountry supplies. A backslash at the end of a line continues the row. An alias
# that is also a common first name ("Bharat" for India) is left out: it would take the name of
# a person ("Bharat Paudyal") for the country.
HAND_TABLE = """\
code,name,status,aliases,adjectives
AFG,Afghanistan,member,Islamic Emirate of Afghanistan,Afghan
AGO,Angola,member,,Angolan
ALB,Albania,member,,Albanian
AND,Andorra,member,,Andorran
ARE,United Arab Emirates,member,UAE|U.A.E.,Emirati
ARG,Argentina,member,Argentine Republic,Argentine|Argentinian
ARM,Armenia,member,,Armenian
ATG,Antigua and Barbuda,member,Antigua,Antiguan
AUS,Australia,member,Commonwealth of Australia,Australian
AUT,Austria,member,,Austrian
AZE,Azerbaijan,member,,Azerbaijani|Azeri
BDI,Burundi,member,,Burundian
BEL,Belgium,member,,Belgian
BEN,Benin,member,,Beninese
BFA,Burkina Faso,member,,Burkinabe|Burkinabè
BGD,Bangladesh,member,,Bangladeshi
BGR,Bulgaria,member,,Bulgarian
BHR,Bahrain,member,,Bahraini
BHS,Bahamas,member,,Bahamian
BIH,Bosnia and Herzegovina,member,Bosnia|Bosnia-Herzegovina|BiH,Bosnian
BLR,Belarus,member,,Belarusian
BLZ,Belize,member,,Belizean
BOL,Bolivia,member,,Bolivian
BRA,Brazil,member,,Brazilian
BRB,Barbados,member,,Barbadian
BRN,Brunei,member,,Bruneian
BTN,Bhutan,member,,Bhutanese
BWA,Botswana,member,,Botswanan
CAF,Central African Republic,member,,
CAN,Canada,member,,Canadian
CHE,Switzerland,member,,Swiss
CHL,Chile,member,,Chilean
CHN,China,member,PRC,Chinese
CIV,Côte d'Ivoire,member,Cote d'Ivoire|Republic of Cote d'Ivoire|Ivory Coast,Ivorian
CMR,Cameroon,member,,Cameroonian
COD,DR Congo,member,Democratic Republic of the Congo|Democratic Republic of Congo|DRC|\
D.R. Congo|Congo-Kinshasa|Congo|Zaire,Congolese
COG,Republic of the Congo,member,Republic of Congo|Congo Republic|\
Congo-Brazzaville|Congo Brazzaville,
COL,Colombia,member,,Colombian
COM,Comoros,member,,Comorian
CPV,Cabo Verde,member,Cape Verde|Republic of Cape Verde,Cabo Verdean|Cape Verdean
CRI,Costa Rica,member,,Costa Rican
CUB,Cuba,member,,Cuban
CYP,Cyprus,member,,Cypriot
CZE,Czechia,member,,Czech
DEU,Germany,member,,German
DJI,Djibouti,member,,Djiboutian
DMA,Dominica,member,,
DNK,Denmark,member,,Danish
DOM,Dominican Republic,member,,Dominican
DZA,Algeria,member,,Algerian
ECU,Ecuador,member,,Ecuadorian
EGY,Egypt,member,,Egyptian
ERI,Eritrea,member,,Eritrean
ESP,Spain,member,,Spanish
EST,Estonia,member,,Estonian
ETH,Ethiopia,member,,Ethiopian
FIN,Finland,member,,Finnish
FJI,Fiji,member,,Fijian
FRA,France,member,,French
FSM,Micronesia,member,,Micronesian
GAB,Gabon,member,,Gabonese
GBR,United Kingdom,member,UK|U.K.|Britain|Great Britain,British
GEO,Georgia,member,,Georgian
GHA,Ghana,member,,Ghanaian
GIN,Guinea,member,,Guinean
GMB,Gambia,member,,Gambian
GNB,Guinea-Bissau,member,,Bissau-Guinean
GNQ,Equatorial Guinea,member,,Equatorial Guinean|Equatoguinean
GRC,Greece,member,,Greek
GRD,Grenada,member,,Grenadian
GTM,Guatemala,member,,Guatemalan
GUY,Guyana,member,Co-operative Republic of Guyana,Guyanese
HND,Honduras,member,,Honduran
HRV,Croatia,member,,Croatian
HTI,Haiti,member,,Haitian
HUN,Hungary,member,,Hungarian
IDN,Indonesia,member,,Indonesian
IND,India,member,,Indian
IRL,Ireland,member,Republic of Ireland,Irish
IRN,Iran,member,,Iranian
IRQ,Iraq,member,,Iraqi
ISL,Iceland,member,,Icelandic
ISR,Israel,member,,Israeli
ITA,Italy,member,,Italian
JAM,Jamaica,member,,Jamaican
JOR,Jordan,member,,Jordanian
JPN,Japan,member,,Japanese
KAZ,Kazakhstan,member,Qazaqstan,Kazakh|Kazakhstani
KEN,Kenya,member,,Kenyan
KGZ,Kyrgyzstan,member,,Kyrgyz|Kyrgyzstani
KHM,Cambodia,member,,Cambodian
KIR,Kiribati,member,,
KNA,Saint Kitts and Nevis,member,St Kitts and Nevis|St. Kitts and Nevis|\
Federation of Saint Kitts and Nevis,Kittitian
KOR,South Korea,member,Republic of Korea|ROK,South Korean
KWT,Kuwait,member,,Kuwaiti
LAO,Laos,member,Lao PDR,Lao|Laotian
LBN,Lebanon,member,,Lebanese
LBR,Liberia,member,,Liberian
LBY,Libya,member,State of Libya,Libyan
LCA,Saint Lucia,member,St Lucia|St. Lucia,Saint Lucian
LIE,Liechtenstein,member,,
LKA,Sri Lanka,member,,Sri Lankan
LSO,Lesotho,member,,
LTU,Lithuania,member,,Lithuanian
LUX,Luxembourg,member,,Luxembourgish
LVA,Latvia,member,,Latvian
MAR,Morocco,member,,Moroccan
MCO,Monaco,member,,Monegasque
MDA,Moldova,member,,Moldovan
MDG,Madagascar,member,,Malagasy
MDV,Maldives,member,,Maldivian
MEX,Mexico,member,,Mexican
MHL,Marshall Islands,member,,Marshallese
MKD,North Macedonia,member,Macedonia|Republic of Macedonia|\
Former Yugoslav Republic of Macedonia|FYROM,North Macedonian|Macedonian
MLI,Mali,member,,Malian
MLT,Malta,member,,Maltese
MMR,Myanmar,member,Republic of the Union of Myanmar|Burma,Burmese
MNE,Montenegro,member,,Montenegrin
MNG,Mongolia,member,,Mongolian
MOZ,Mozambique,member,,Mozambican
MRT,Mauritania,member,,Mauritanian
MUS,Mauritius,member,,Mauritian
MWI,Malawi,member,,Malawian
MYS,Malaysia,member,,Malaysian
NAM,Namibia,member,,Namibian
NER,Niger,member,,Nigerien
NGA,Nigeria,member,,Nigerian
NIC,Nicaragua,member,,Nicaraguan
NLD,Netherlands,member,Holland,Dutch
NOR,Norway,member,,Norwegian
NPL,Nepal,member,,Nepali|Nepalese
NRU,Nauru,member,,Nauruan
NZL,New Zealand,member,,
OMN,Oman,member,,Omani
PAK,Pakistan,member,,Pakistani
PAN,Panama,member,,Panamanian
PER,Peru,member,,Peruvian
PHL,Philippines,member,,Philippine|Filipino
PLW,Palau,member,,Palauan
PNG,Papua New Guinea,member,PNG,Papua New Guinean
POL,Poland,member,,Polish
PRK,North Korea,member,DPRK,North Korean
PRT,Portugal,member,,Portuguese
PRY,Paraguay,member,,Paraguayan
QAT,Qatar,member,,Qatari
ROU,Romania,member,,Romanian
RUS,Russia,member,,Russian
RWA,Rwanda,member,Republic of Rwanda,Rwandan
SAU,Saudi Arabia,member,KSA,Saudi
SDN,Sudan,member,,Sudanese
SEN,Senegal,member,,Senegalese
SGP,Singapore,member,,Singaporean
SLB,Solomon Islands,member,,
SLE,Sierra Leone,member,,Sierra Leonean
SLV,El Salvador,member,,Salvadoran|Salvadorean
SMR,San Marino,member,,Sammarinese
SOM,Somalia,member,,Somali
SRB,Serbia,member,,Serbian
SSD,South Sudan,member,,South Sudanese
STP,São Tomé and Príncipe,member,,Santomean
SUR,Suriname,member,,Surinamese
SVK,Slovakia,member,,Slovak
SVN,Slovenia,member,,Slovenian|Slovene
SWE,Sweden,member,,Swedish
SWZ,Eswatini,member,Swaziland|Kingdom of Swaziland,Swazi
SYC,Seychelles,member,,Seychellois
SYR,Syria,member,,Syrian
TCD,Chad,member,,Chadian
TGO,Togo,member,,Togolese
THA,Thailand,member,,Thai
TJK,Tajikistan,member,,Tajik|Tajikistani
TKM,Turkmenistan,member,,Turkmen
TLS,Timor-Leste,member,East Timor,Timorese|East Timorese
TON,Tonga,member,,Tongan
TTO,Trinidad and Tobago,member,,Trinidadian
TUN,Tunisia,member,,Tunisian
TUR,Turkey,member,Turkiye|Republic of Turkey|Republic of Turkiye,Turkish
TUV,Tuvalu,member,,Tuvaluan
TZA,Tanzania,member,,Tanzanian
UGA,Uganda,member,,Ugandan
UKR,Ukraine,member,,Ukrainian
URY,Uruguay,member,,Uruguayan
USA,United States,member,U.S.|US|USA|U.S.A.,American
UZB,Uzbekistan,member,,Uzbek
VCT,Saint Vincent and the Grenadines,member,St Vincent and the Grenadines|\
St. Vincent and the Grenadines,Vincentian
VEN,Venezuela,member,,Venezuelan
VNM,Vietnam,member,Socialist Republic of Vietnam,Vietnamese
VUT,Vanuatu,member,,
WSM,Samoa,member,,Samoan
YEM,Yemen,member,,Yemeni
ZAF,South Africa,member,,South African
ZMB,Zambia,member,,Zambian
ZWE,Zimbabwe,member,,Zimbabwean
PSE,Palestine,observer,,Palestinian
VAT,Holy See,observer,Vatican|Vatican City|Vatican City State,
TWN,Taiwan,other,Republic of China|Chinese Taipei,Taiwanese
XKX,Kosovo,other,Republic of Kosovo,Kosovar|Kosovan
"""

EXPECTED = {"member": 193, "observer": 2, "other": 2}


def slug(name: str) -> str:
    """The actor_id for a display name.

    >>> slug("Côte d'Ivoire"), slug("DR Congo"), slug("Saint Vincent and the Grenadines")
    ('cote-divoire', 'dr-congo', 'saint-vincent-and-the-grenadines')
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace("'", "")
    words = "".join(ch if ch.isalnum() else " " for ch in folded).split()
    return "-".join(words)


def pycountry_forms(code: str) -> list[str]:
    """The prose-usable names pycountry holds for an alpha-3 code, official name first.

    >>> pycountry_forms("KOR"), pycountry_forms("ERI")
    (['South Korea'], ['State of Eritrea', 'Eritrea'])
    """
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    forms = []
    for attribute in ("official_name", "name", "common_name"):
        form = getattr(country, attribute, None)
        if not form or "," in form or "(" in form:
            continue
        if form.startswith("the "):
            form = form[len("the ") :]
        if form not in PYCOUNTRY_EXCLUDED.get(code, set()):
            forms.append(form)
    return forms


def _unique(forms, exclude: str) -> list[str]:
    seen = {exclude}
    kept = []
    for form in forms:
        if form not in seen:
            seen.add(form)
            kept.append(form)
    return kept


def build_rows() -> list[dict[str, str]]:
    """One registry row per country, sorted by actor_id; raises if the hand table is off."""
    table = list(csv.DictReader(io.StringIO(HAND_TABLE)))
    counts = {status: sum(r["status"] == status for r in table) for status in EXPECTED}
    if counts != EXPECTED or len(table) != sum(EXPECTED.values()):
        raise SystemExit(f"hand table has {counts}, expected {EXPECTED}")
    rows = []
    for entry in table:
        code, name = entry["code"], entry["name"]
        if code not in NON_ISO_CODES and pycountry.countries.get(alpha_3=code) is None:
            raise SystemExit(f"{code} ({name}) is not an ISO 3166-1 alpha-3 code in pycountry")
        split = [f for f in entry["aliases"].split("|") if f]
        actor_id = slug(name)
        rows.append(
            {
                "actor_id": actor_id,
                "name": name,
                "type": "country",
                "country": actor_id,
                "code": code,
                "aliases": "|".join(_unique(pycountry_forms(code) + split, exclude=name)),
                "adjectives": entry["adjectives"],
                "titles": "",
                "pronoun": "",
            }
        )
    ids = [r["actor_id"] for r in rows]
    codes = [r["code"] for r in rows]
    if len(set(ids)) != len(ids) or len(set(codes)) != len(codes):
        raise SystemExit("hand table repeats a country")
    return sorted(rows, key=lambda r: r["actor_id"])


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_atomically(text: str, out: Path) -> None:
    """Write ``text`` to a temporary file beside ``out``, then rename it over ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the CSV")
    args = parser.parse_args(argv)
    installed = version("pycountry")
    if installed != PYCOUNTRY_VERSION:
        print(
            f"warning: pycountry {installed} is installed; countries.csv was built with "
            f"{PYCOUNTRY_VERSION}, so the aliases may differ",
            file=sys.stderr,
        )
    rows = build_rows()
    write_atomically(render(rows), args.out)
    print(f"wrote {len(rows)} countries to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
