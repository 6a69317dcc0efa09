#!/usr/bin/env python3
"""One-time repair of an extracted NIC 2008 code list into data/classifications/nic2008.csv.

The committed nic2008.csv is the source of truth; this script only records how it was
first produced from a PDF-to-table extraction (columns: level,code,title_as_extracted,section).

Usage: python3 clean_nic2008.py EXTRACTED_CSV OUTPUT_CSV

What it does, in order:
  1. structural repairs: misleveled rows, mis-numbered sub-classes, a junk row,
     and the headers the extraction lost (section L, divisions 37 and 43, group 651,
     sub-class 60200);
  2. text repairs: words broken by the extraction ("a nd", "caulifl ower"), spacing
     around hyphens and punctuation, obvious spelling slips;
  3. titles: sentence-style section and division titles, and completion of titles
     the extraction cut at its line width (TITLES below);
  4. checks: counts per level, every code's parent exists, section letters match
     division ranges, no duplicate codes; it refuses to write if any check fails.
"""

import collections
import csv
import re
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the data folder the tests copy

from nic2008_titles import DIVISIONS, SECTIONS, TITLES  # noqa: E402

# --- 1. structural repairs -------------------------------------------------

# Rows whose code and level are wrong in the extraction: (level, code, title prefix) -> (level, code).
# The extraction glued a sub-class's last digit to the title ("1  Sun-drying ...") and kept the class code.
RELEVEL = {
    ("class", "1030", "1  Sun-drying"): ("subclass", "10301"),
    ("class", "2930", "4  Manufacture of motor vehicle electrical"): ("subclass", "29304"),
    ("class", "9200", "1  Wholesale of lottery"): ("subclass", "92001"),
}

# Sub-classes printed with a wrong code (digits swapped or mistyped in the source page).
RENUMBER = {
    "20203": "20303",  # under class 2030, between 20302 and 20304
    "65020": "65200",  # the only sub-class of class 6520
    "88230": "84230",  # the only sub-class of class 8423
    "95494": "85494",  # under class 8549, between 85493 and 85499
    "96903": "96093",  # 96903-96908 sit under class 9609 after 96091 and 96092
    "96904": "96094",
    "96905": "96095",
    "96906": "96096",
    "96907": "96097",
    "96908": "96098",
}

# A fragment of a note ("... see 2310 or 2393") that the extraction turned into a class row.
DROP = {("class", "2310", "or 2393")}

# Rows the extraction lost; inserted before the row with the given code.
MISSING = [
    ("section", "L", "L", "68"),
    ("division", "37", "E", "370"),
    ("division", "43", "F", "431"),
    ("group", "651", "K", "6511"),
    ("subclass", "60200", "J", "61"),
]

# Section of each division (NIC 2008 = ISIC Rev.4 at this level).
SECTION_RANGES = [
    ("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
    ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
    ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
    ("S", 94, 96), ("T", 97, 98), ("U", 99, 99),
]

LEVEL_LENGTH = {"section": 1, "division": 2, "group": 3, "class": 4, "subclass": 5}
EXPECTED = {"section": 21, "division": 88, "group": 238, "class": 419, "subclass": 1304}

# --- 2. text repairs -------------------------------------------------------

# Pairs the automatic re-joining must leave alone (real words side by side).
KEEP_APART = {
    ("s", "and"), ("l", "and"), ("n", "a"), ("ready", "made"), ("sub", "tropical"), ("oil", "seeds"),
    ("sugar", "cane"), ("off", "shore"), ("wall", "paper"), ("motor", "cycles"), ("ice", "cream"),
    ("web", "sites"),
}

# Broken words the automatic pass cannot see (the joined word appears nowhere else in the list).
FRAGMENTS = {
    "caulifl ower": "cauliflower", "coatin gs": "coatings", "contracepti ves": "contraceptives",
    "databas es": "databases", "S enior": "Senior", "fod der": "fodder", "genera ting": "generating",
    "h omes": "homes", "ha nd-held": "hand-held", "insecti cidal": "insecticidal",
    "bas ketry": "basketry", "lab oratories": "laboratories", "lad ies'": "ladies'",
    "mot orcycle": "motorcycle", "co nnection": "connection", "polythe ne": "polythene",
    "preven tion": "prevention", "standa rd": "standard", "substanc es": "substances",
    "transmitt ing": "transmitting", "tunnellin g": "tunnelling", "na tive": "native",
    "s elf-propelled": "self-propelled", "ex cursions": "excursions", "w hisky": "whisky",
    "cat echu": "catechu", "m owerrs": "mowers", "statue s": "statues", "X th": "Xth",
    "aquaculture ctivities": "aquaculture activities", "se ed": "seed", "fo recasting": "forecasting",
    "cologne de -eau": "eau-de-cologne",
}

# Spelling slips in the source text, fixed so that search finds the words.
SPELLING = {
    r"\btrasformers\b": "transformers", r"\bsugercane\b": "sugarcane", r"\bsuger\b": "sugar",
    r"\bvehecles sucs\b": "vehicles such", r"\bsimiler\b": "similar", r"\bstams\b": "stamps",
    r"\bFreash\b": "Fresh", r"\brillways\b": "railways", r"\bmisic\b": "music",
    r"\bpageing, cellur and other tetecommunication\b": "paging, cellular and other telecommunication",
    r"\bDisrtibution\b": "Distribution", r"\bincludind\b": "including", r"\bincuding\b": "including",
    r"\brechargable\b": "rechargeable", r"\bbatteries nd\b": "batteries and",
    r"\bequipmemts\b": "equipments", r"\btheraputic\b": "therapeutic", r"\blavel\b": "level",
    r"\bmasseures\b": "masseurs", r"\bbluprinting\b": "blueprinting", r"\bsevices\b": "services",
    r"\bimmitation\b": "imitation", r"\borganisition\b": "organisation", r"\bburgler\b": "burglar",
    r"\bznic\b": "zinc", r"\brubby/saphire\b": "ruby/sapphire", r"\bappricots\b": "apricots",
    r"\btoileteries\b": "toiletries", r"\bsuc as\b": "such as", r"\bequipment f industrial\b":
    "equipment for industrial", r"\btarpulin\b": "tarpaulin", r"\blinolium\b": "linoleum",
    r"\bvulcalized\b": "vulcanized", r"\bpostersetc\.": "posters etc.", r"\bforesty\b": "forestry",
    r"\barticles articles\b": "articles", r"\band and\b": "and", r"\belectrical electrical\b": "electrical",
    r"\bstationary\b": "stationery", r"\bmetal metal clad\b": "metal clad", r"\binwood\b": "in wood",
    r"\bsuch tents\b": "such as tents", r"\bsuch lawn\b": "such as lawn", r"\bmot orcycle\b": "motorcycle",
    r"\bdying extracts\b": "dyeing extracts", r"\bdiskettes\b": "diskettes",
    r"\bshore Extraction\b": "shore extraction", r"\bOffshore Extraction\b": "Offshore extraction",
    r"^Preservation, Processing\b": "Preservation, processing", r"\bOleostearin,\s*Palmstearin\b":
    "oleostearin, palmstearin", r"^Bars and Restaurants\b": "Bars and restaurants",
    r"\btrains buses\b": "trains, buses", r"\(dry -\)": "(dry-)",
}


def letters(s):
    return re.sub(r"[^A-Za-z]", "", s)


def build_vocabulary(rows):
    vocab = collections.Counter()
    for r in rows:
        for w in re.findall(r"[A-Za-z]+", r["title"]):
            vocab[w.lower()] += 1
    return vocab


def rejoin(title, vocab):
    """Join two neighbouring tokens when together they make a word seen elsewhere in the list
    and at least one of them is a rare (six uses or fewer) or very short fragment ("a nd", "Manufa cture")."""
    toks = re.sub(r"\s+", " ", title).strip().split(" ")
    out = []
    i = 0
    while i < len(toks):
        a = toks[i]
        if i + 1 < len(toks):
            b = toks[i + 1]
            ca, cb = letters(a).lower(), letters(b).lower()
            if (ca and cb and re.search(r"[A-Za-z]$", a) and re.match(r"[A-Za-z]", b)
                    and (ca, cb) not in KEEP_APART):
                joined = ca + cb
                if vocab[joined] > 0 and (vocab[ca] <= 6 or vocab[cb] <= 6 or len(ca) <= 2 or len(cb) <= 2):
                    out.append(a + b)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return " ".join(out)


def tidy(title):
    t = re.sub(r"\s+", " ", title).strip()
    for bad, good in FRAGMENTS.items():
        t = t.replace(bad, good)
    for pattern, good in SPELLING.items():
        t = re.sub(pattern, good, t)
    t = re.sub(r"(\w) -(\w)", r"\1-\2", t)          # "non -perennial" -> "non-perennial"
    t = re.sub(r"(\w) - ", r"\1- ", t)              # "man - or animal" -> "man- or animal"
    t = re.sub(r"\s+([,;:.)\]])", r"\1", t)        # no space before closing punctuation
    t = re.sub(r"([(\[])\s+", r"\1", t)            # no space after opening brackets
    t = re.sub(r"\(\(", "(", t)
    t = re.sub(r",(?=[A-Za-z])", ", ", t)          # "beets,turnips" -> "beets, turnips"
    t = re.sub(r"([a-z])\(", r"\1 (", t)           # "vegetables(onion" -> "vegetables (onion"
    t = re.sub(r"\.([(\[])", r". \1", t)           # "n.e.c.(antiknock" -> "n.e.c. (antiknock"
    t = re.sub(r"n\.e\.c(?![.\w])", "n.e.c.", t)    # "n.e.c" -> "n.e.c."
    t = re.sub(r"[`‘’]", "'", t)
    t = t.replace("*", "")                          # footnote markers ("blended*")
    t = re.sub(r"\s*/\s*", "/", t)                  # "bottles/ polythene" -> "bottles/polythene"
    t = re.sub(r"\betc$", "etc.", t)
    t = re.sub(r"[,;]$", "", t)                     # a dangling separator where a line was cut
    if t.endswith(".") and not re.search(r"(etc|n\.e\.c|e\.g|i\.e|incl|govt)\.$", t):
        t = t[:-1]                                  # sentence full stop the source sometimes adds
    t = re.sub(r"\s+", " ", t).strip()
    return t


def section_of_division(code):
    n = int(code)
    for letter, lo, hi in SECTION_RANGES:
        if lo <= n <= hi:
            return letter
    raise ValueError(f"division {code} is in no section range")


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    raw = list(csv.DictReader(lines))
    rows = []
    for r in raw:
        level, code, title = r["level"], r["code"], r["title_as_extracted"]
        if (level, code, title.strip()) in DROP:
            continue
        for (lv, cd, prefix), (new_lv, new_cd) in RELEVEL.items():
            if level == lv and code == cd and title.startswith(prefix):
                level, code = new_lv, new_cd
                title = title[len(prefix.split("  ")[0]):]
        if level == "subclass" and code in RENUMBER:
            code = RENUMBER[code]
        rows.append({"level": level, "code": code, "title": title, "section": r["section"]})

    for level, code, section, before in MISSING:
        idx = next(i for i, r in enumerate(rows) if r["code"] == before)
        rows.insert(idx, {"level": level, "code": code, "title": "", "section": section})

    vocab = build_vocabulary(rows)
    for r in rows:
        r["title"] = tidy(rejoin(r["title"], vocab))
        if r["level"] == "section":
            r["title"] = SECTIONS[r["code"]]
        elif r["level"] == "division":
            r["title"] = DIVISIONS[r["code"]]
        if r["code"] in TITLES:
            r["title"] = TITLES[r["code"]]
        # Section letter follows from the division, whatever the extraction said (it put 68 under K).
        r["section"] = r["code"] if r["level"] == "section" else section_of_division(r["code"][:2])

    check(rows)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["classification", "level", "code", "title", "section"])
        for r in rows:
            w.writerow(["nic2008", r["level"], r["code"], r["title"], r["section"]])
    print(f"wrote {len(rows)} rows to {dst}")


def check(rows):
    problems = []
    counts = collections.Counter(r["level"] for r in rows)
    for level, n in EXPECTED.items():
        if counts[level] != n:
            problems.append(f"{level}: {counts[level]} rows, expected {n}")
    seen = set()
    for r in rows:
        code, level = r["code"], r["level"]
        if len(code) != LEVEL_LENGTH[level]:
            problems.append(f"{code}: length does not fit level {level}")
        if code in seen:
            problems.append(f"{code}: duplicate")
        seen.add(code)
        if level == "division" and r["section"] not in seen:
            problems.append(f"{code}: section {r['section']} not seen before it")
        if level in ("group", "class", "subclass") and code[:-1] not in seen:
            problems.append(f"{code}: parent {code[:-1]} missing or after it")
        t = r["title"]
        if not t or t != t.strip() or "  " in t:
            problems.append(f"{code}: bad spacing or empty title {t!r}")
    if problems:
        sys.exit("refusing to write:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
