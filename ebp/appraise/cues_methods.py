"""Cues the first rules lacked (issue 13): field experiments, policy evaluations, social-work and Indonesian designs.

Written from what such studies say of their own designs, before the model was trained. The trained
model (``ebp.appraise.model``) learns how much each group is worth.
"""

from __future__ import annotations

from ebp.appraise.context import RANDOMISED
from ebp.appraise.cues_reviews import Cue
from ebp.text import any_of

_DATABASES = (
    r"(?:medline|pubmed|embase|cinahl|psyc\s?info|cochrane|scopus|web\s+of\s+science|eric|campbell|garuda|sinta|"
    r"google\s+scholar|proquest|ebsco\w*|doaj|socindex|social\s+services\s+abstracts|databases?|basis\s+data)"
)

METHOD_CUES: tuple[Cue, ...] = (
    # A search of named databases with criteria: what makes a review systematic (GUIDE.md, step 2).
    (
        "systematic_review_meta_analysis",
        2.0,
        any_of(
            r"\b(?:searching|using|dicari\s+(?:secara\s+sistematis\s+)?(?:pada|di|melalui)|pencarian\s+(?:\w+\s+){0,3}?(?:pada|di))"
            r"\b[^.;]{0,80}?\b" + _DATABASES,
            r"\bsystematically\s+(?:searched|examined|identified|reviewed|screened|retrieved|assessed)",
            r"\bsecara\s+sistematis\b",
            r"\b(?:literature|database|electronic)\s+searche?s?\b",
            r"\bsearch\s+strategy\b",
            r"\b(?:studies|articles|trials|papers|publications|records|reports)\s+(?:were\s+)?(?:included|screened|"
            r"identified|selected|eligible)\b",
            r"\b(?:artikel|studi|publikasi)\s+(?:yang\s+)?(?:memenuhi|disaring|diinklusi|dianalisis|ditelaah)",
            r"\bkriteria\s+inklusi\b",
            r"\b(?:risk\s+of\s+bias|AMSTAR|MMAT|JBI\s+critical|GRADE\s+approach|Newcastle[- ]Ottawa)",
        ),
    ),
    # Two arms, one of which received something: an intervention study, randomised or not.
    (
        "intervention",
        1.0,
        any_of(
            r"\b(?:intervention|experimental|treatment|treated)\s+(?:group|arm|condition)s?\b",
            r"\bcontrol\s+(?:group|arm|condition)s?\b",
            r"\b(?:usual|standard)\s+care\b",
            r"\btreatment\s+as\s+usual\b",
            r"\bwait-?\s?list",
            r"\bplacebo\b",
            r"\bkelompok\s+(?:intervensi|perlakuan|eksperimen|kontrol)\b",
            r"\b(?:received|receiving|given)\s+(?:the\s+)?(?:intervention|programme|program|training|treatment)\b",
            r"\b(?:during|after)\s+the\s+(?:\d+-week\s+)?intervention\s+period",
        ),
    ),
    (
        "rct",
        2.0,
        any_of(
            r"randomly\s+(?:assigned|allocated)\s+to\s+(?:one\s+of\s+)?(?:\w+\s+){0,3}?(?:conditions?|arms?|groups?)",
            r"\bassigned\s+at\s+random\b",
            r"\bby\s+(?:a\s+)?(?:lottery|lot)\b",
            r"\blotter(?:y|ies)\b",
            r"\b(?:diundi|undian|pengundian)\b",
            r"\bbetween[- ]subjects?\b",
            r"\bwithin[- ]subjects?\s+(?:design|experiment)",
            r"\bsurvey\s+experiment",
            r"\bvignette\s+experiment",
            r"\bfield\s+experiment",
            r"\bconjoint\s+experiment",
            r"\bA/B\s+test",
            r"\brandom(?:ly)?\s+(?:chosen\s+)?half\b",
            r"\bencouragement\s+design",
            RANDOMISED
            + r"ed\s+(?:at|by)\s+the\s+(?:level\s+of\s+(?:the\s+)?)?(?:school|village|clinic|household|class|"
            r"district|practice|ward|court|site|municipality)",
            r"\bsecara\s+acak\s+(?:ke|menjadi|dalam)\b",
            RANDOMISED + r"ed\s+(?:into\s+)?(?:\w+\s+)?(?:groups?|arms?)\b",
            r"\b(?:dibagi|dikelompokkan|dialokasikan)\s+(?:\w+\s+){0,3}?secara\s+acak\b",
            # CONSORT's words for how the sequence was made and kept
            r"\bcomputer[- ]generated\s+(?:random(?:i[sz]ation)?\s+)?(?:sequence|list|schedule)",
            r"\brandom[- ]number\s+(?:generator|table)",
            r"\bcomputeri[sz]ed\s+(?:random\s+)?draw",
            r"\b(?:randomly|at\s+random)\s+(?:chosen|drawn|picked)\s+to\b",
            r"\bdrawn\s+by\s+lots?\b",
            r"\ballocation\s+(?:was\s+)?conceal",
            r"\bsealed\s+(?:opaque\s+)?envelopes",
            r"\b(?:assigned|allocated)\s+by\s+(?:a\s+)?(?:computer|random|coin)",
            r"\bacak\s+klaster\b",
        ),
    ),
    (
        "quasi_experimental",
        2.0,
        any_of(
            r"controlled\s+(?:trial|study)\s+without\s+randomi",
            r"non-?randomi[sz]ed\s+controlled",
            r"\bsynthetic\s+control",
            r"\bevent[- ]study\b",
            r"\bstaggered\s+(?:roll-?out|adoption|implementation|introduction)",
            r"\bpropensity[- ]score",
            r"\bmatched\s+(?:comparison|control)\s+(?:group|sample|schools|sites)",
            r"\bbefore\s+and\s+after\s+the\s+(?:\w+\s+){0,2}?(?:policy|reform|law|introduction|programme|program|change|ban)",
            r"\bpre-?\s?(?:and|/|-)\s?post-?\s?(?:intervention|test|policy|implementation)",
            r"\bexploit\w*\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:variation|timing|roll-?out|introduction|discontinuity|reform)",
            r"\binstrumental\s+variables?",
            r"\bcomparison\s+(?:group|schools|districts|villages|sites|municipalities|areas)",
            r"\bas\s+if\s+random",
            r"\bkelompok\s+(?:perlakuan|eksperimen|intervensi)\s+dan\s+(?:kelompok\s+)?(?:kontrol|pembanding)",
            r"\bone[- ]group\s+pre-?\s?test",
            r"\bsebelum\s+dan\s+sesudah\b",
            r"\bpre-?test\s+(?:dan|and)\s+post-?test",
            r"\bkelompok\s+pembanding\b",
            r"\bevaluasi\s+program\b",
            r"\btreatment\s+and\s+comparison\s+(?:groups?|schools|sites)",
        ),
    ),
    (
        "cohort",
        2.0,
        any_of(
            r"\bwaves?\s+of\s+(?:data|the|a)\b",
            r"\bpanel\s+(?:data|survey|study)\b",
            r"\bdata\s+panel\b",
            r"\bgelombang\b",
            r"\blinked\s+(?:\w+\s+){0,2}?(?:records|data)\b",
            r"\brecord\s+linkage",
            r"\bfollowed\s+(?:up\s+)?(?:from|until|to)\s+age",
            r"\bat\s+baseline\s+and\s+(?:at\s+)?(?:\d+|one|two|three|six|twelve)",
            r"\bover\s+(?:\d+|two|three|four|five|ten)\s+years\b",
            r"\bprospective(?:ly)?\b",
            r"\bretrospective(?:ly)?\b",
        ),
    ),
    (
        "case_control",
        2.0,
        any_of(
            r"\bcompared\s+with\s+(?:\d[\d,]*\s+)?(?:age[- ]and[- ]sex[- ])?matched\s+(?:\w+\s+)?controls",
            r"\bcases?\s+(?:and|versus|vs\.?)\s+(?:\d[\d,]*\s+)?(?:\w+\s+)?controls\b",
        ),
    ),
    (
        "cross_sectional",
        1.5,
        any_of(
            r"\bonline\s+survey",
            r"\bnationally\s+representative\b",
            r"\bassociated\s+with\b",
            r"\bcorrelat\w+",
            r"\blogistic\s+regression",
            r"\bangket\b",
            r"\blikert\b",
            r"\bdiscrete[- ]choice\s+experiment",
            r"\bpsychometric",
            r"\bfactor\s+analysis",
            r"\bcronbach",
            r"\bstructural\s+equation",
            r"\bhubungan\b",
        ),
    ),
    (
        "qualitative",
        1.5,
        any_of(
            r"\binterviewed\b",
            r"\binterviews?\s+with\b",
            r"\bwawancara\b",
            r"\bobservasi\s+partisipa\w*",
            r"\bdokumentasi\b",
            r"\bthemes?\b",
            r"\btema\b",
            r"\blived\s+experiences?",
            r"\bphotovoice\b",
            r"\bdocument\s+analysis",
            r"\bdiscourse\s+analysis",
            r"\bparticipant\s+observation",
            r"\bnarratives?\b",
            r"\bpengalaman\b",
        ),
    ),
    (
        "case_study",
        2.0,
        any_of(
            r"\bsingle[- ]case\b",
            r"\b(?:one|a\s+single)\s+(?:family|client|organi[sz]ation|school|agency|village|programme)\b",
            r"\bsatu\s+(?:keluarga|klien|lembaga|desa|sekolah|panti)\b",
            r"\bpractice\s+report",
            r"\bthis\s+case\b",
            r"\bkasus\s+ini\b",
            r"\bin[- ]depth\s+case\b",
        ),
    ),
    (
        "guideline_or_opinion",
        2.0,
        any_of(
            r"\bthis\s+(?:paper|article|essay)\s+argues\b",
            r"\bpolicy\s+(?:brief|analysis|essay)\b",
            r"\bconceptual\s+(?:paper|article|framework)",
            r"\bartikel\s+(?:ini\s+)?konseptual",
            r"\bkerangka\s+konseptual",
            r"\banalisis\s+kebijakan\b",
            r"\bkami\s+mengusulkan\b",
            r"\bwe\s+propose\b",
            r"\bwe\s+call\s+for\b",
        ),
    ),
    (
        "review_narrative",
        1.5,
        any_of(  # how essays and narrative reviews speak of themselves
            r"\b(?:are|is|were|will\s+be)\s+(?:briefly\s+)?(?:discussed|reviewed|summari[sz]ed|outlined|highlighted|"
            r"considered|presented|examined|described)\b",
            r"\brecent\s+(?:advances|developments|progress|insights|findings)\b",
            r"\bwe\s+(?:discuss|describe|outline|summari[sz]e|highlight|consider|explore)\b",
            r"\b(?:current|present)\s+(?:knowledge|understanding|evidence|concepts|status|approaches)\b",
            r"\bfuture\s+(?:directions|perspectives|research\s+directions)\b",
            r"\b(?:dibahas|diuraikan|dipaparkan|dijelaskan|diulas)\b",
        ),
    ),
    (
        "case_study",
        1.5,
        any_of(  # one patient or client, told as a story
            r"\bthe\s+(?:patient|client|boy|girl|woman|man|child)\b",
            r"\b(?:he|she)\s+(?:was|had|presented|developed|underwent|received|reported|improved)\b",
            r"\bpresented\s+(?:to\s+\w+\s+)?with\b",
            r"\bwas\s+(?:admitted|referred|diagnosed)\b",
            r"\b(?:pasien|klien|anak)\s+(?:laki-laki|perempuan)\s+(?:berusia|usia|berumur)\b",
        ),
    ),
    (
        "review_narrative",
        2.0,
        any_of(
            r"\bthis\s+(?:paper|article|essay|chapter)\s+(?:reviews|examines|discusses|explores|summari[sz]es)\b",
            r"\bwe\s+(?:synthesi[sz]e|draw\s+on)\s+(?:the\s+)?(?:\w+\s+)?(?:literature|research|evidence)",
        ),
    ),
    (
        "other",
        2.0,
        any_of(
            r"\bagent[- ]based\b",
            r"\bmicro-?simulation",
            r"\bsimulation\s+model",
            r"\bbibliometric",
            r"\bmodel(?:l)?ing\s+study",
            r"\bmachine\s+learning\s+model",
            r"\balgorithm\b",
        ),
    ),
)
